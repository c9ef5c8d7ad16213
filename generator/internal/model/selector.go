package model

import (
	"slices"
	"strings"
)

// Selector is the method as a caller reaches it from the Client, without
// the receiver: "Sessions.Admin.Refresh". Errors, the page survey and the
// doc's type index all name methods this way.
func (op *Operation) Selector() string {
	return strings.Join(append(slices.Clone(op.Chain), op.Method), ".")
}
