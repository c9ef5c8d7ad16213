package pmruntime

import "bytes"

// fillDynamics gives every {{$name}} reference in an encoded body whose
// name vars holds a fresh value, as Postman does: a raw or GraphQL body is
// a template there, so "EXT-{{$timestamp}}" goes out as "EXT-1764921600",
// and each reference gets its own value. vars holds only the dynamic
// variables the collection's saved body spells, so that text a caller
// writes for another purpose is left alone.
//
// In JSON a "{{" can only stand inside a string, and every value the
// dynamic functions make is letters, digits and punctuation that a JSON
// string holds as it is, so filling a JSON text keeps it JSON.
func fillDynamics(data []byte, vars map[string]func() string) []byte {
	open := []byte("{{$")
	if !bytes.Contains(data, open) {
		return data
	}
	out := make([]byte, 0, len(data)+64)
	rest := data
	for {
		i := bytes.Index(rest, open)
		if i < 0 {
			break
		}
		end := bytes.Index(rest[i+len(open):], []byte("}}"))
		if end < 0 {
			break
		}
		// The reference is the innermost one: in "{{$a{{$guid}}" the name
		// "a{{$guid" is none, and the search goes on after its "{{$".
		make, ok := vars[string(rest[i+len(open):i+len(open)+end])]
		if !ok {
			out = append(out, rest[:i+len(open)]...)
			rest = rest[i+len(open):]
			continue
		}
		out = append(out, rest[:i]...)
		out = append(out, make()...)
		rest = rest[i+len(open)+end+len("}}"):]
	}
	return append(out, rest...)
}
