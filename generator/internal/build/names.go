package build

import (
	"strings"

	"github.com/pmgen/pmgen/generator/internal/godoc"
	"github.com/pmgen/pmgen/generator/internal/naming"
)

// nameTypes names the inferred types once inference is over, because a
// type shared by several operations keeps the hint of its first use.
func (b *builder) nameTypes() {
	for _, t := range b.infer.Types() {
		t.Name = b.pkg.Unique(naming.Exported(strings.Join(t.Hint, " "), "Object"))
		fields := naming.NewScope()
		for _, f := range t.Fields {
			f.Name = fields.Unique(naming.Exported(f.JSONName, "Field"))
		}
		if t.Doc == "" {
			t.Doc = t.Name + " is inferred from the collection's saved examples."
		}
		b.api.Types = append(b.api.Types, t)
	}
}

// markdown converts a Postman description into Go doc text.
func markdown(md string) string {
	return godoc.FromMarkdown(md)
}
