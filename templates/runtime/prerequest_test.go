package pmruntime

import (
	"reflect"
	"testing"
)

func TestDropEmptyHeaders(t *testing.T) {
	r := &request{}
	r.addHeader("X-Key", "")
	r.addHeader("X-Keep", "1")
	r.addHeader("X-Blank", "")
	r.addHeader("X-Space", " ")
	r.dropEmptyHeaders()
	want := [][2]string{{"X-Keep", "1"}, {"X-Space", " "}}
	if !reflect.DeepEqual(r.header, want) {
		t.Errorf("headers %q, want %q", r.header, want)
	}
}
