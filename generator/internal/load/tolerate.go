package load

import "github.com/pmgen/pmgen/generator/internal/model"

// tolerate runs f, a normalisation step whose failure touches only the part
// it reads (an example, an auth block), and turns the errors it reports
// into warnings that end with what pmgen does instead (then). One bad
// example or auth block must not refuse the whole collection. It reports
// whether f failed, so the caller can leave the part out.
func (z *normaliser) tolerate(then string, f func()) (failed bool) {
	from := len(z.diags)
	f()
	for i := from; i < len(z.diags); i++ {
		if d := &z.diags[i]; d.Severity == model.Error {
			d.Severity = model.Warning
			d.Message += "; " + then
			failed = true
		}
	}
	return failed
}
