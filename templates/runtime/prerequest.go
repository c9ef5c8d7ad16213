package pmruntime

// dropEmptyHeaders removes the headers whose value is empty, as the
// collection's pre-request script does before Postman sends the request.
// Auth is applied later, as Postman applies it after the script.
func (r *request) dropEmptyHeaders() {
	kept := r.header[:0]
	for _, h := range r.header {
		if h[1] != "" {
			kept = append(kept, h)
		}
	}
	r.header = kept
}
