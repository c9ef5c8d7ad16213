package naming

import "strconv"

// Scope hands out unique identifiers within one Go scope: a package, the
// fields of a struct, the parameters of a function. Names are decided once,
// in the order the caller asks for them, so the same sequence of calls always
// yields the same names. The zero value is an empty scope ready to use.
type Scope struct {
	// outer holds names taken in every scope made over it (Within); it is
	// only read, so one outer scope serves any number of inner ones.
	outer *Scope
	taken map[string]bool
	// next remembers, per wanted name, the first suffix worth trying, so
	// that many duplicates of one name stay linear. It only skips suffixes
	// that are known to be taken, so it never changes the result.
	next map[string]int
}

// NewScope returns a scope in which the reserved identifiers (package names
// the file imports, names the emitter writes by hand) are already taken.
func NewScope(reserved ...string) *Scope {
	s := &Scope{}
	for _, id := range reserved {
		s.reserve(id)
	}
	return s
}

// Within returns an empty scope in which the names taken in outer are
// taken too. Reserving a long list once in outer and making a scope
// within it per function costs a map lookup per name asked for, not a
// copy of the list: a package's thousands of methods each get an
// argument scope that avoids the runtime's hundreds of names. outer must
// not change while the inner scope is in use.
func Within(outer *Scope, reserved ...string) *Scope {
	s := NewScope(reserved...)
	s.outer = outer
	return s
}

// Unique returns want if it is free, otherwise want2, want3, ... (the first
// free one); the result is reserved. want should come from Exported or
// Unexported; an empty want is treated as "x". A nil *Scope reserves nothing
// and returns want.
func (s *Scope) Unique(want string) string {
	if want == "" {
		want = "x"
	}
	if s == nil {
		return want
	}
	if !s.Taken(want) {
		s.reserve(want)
		return want
	}
	n := max(s.next[want], 2)
	for ; ; n++ {
		if id := want + strconv.Itoa(n); !s.Taken(id) {
			s.reserve(id)
			s.next[want] = n + 1
			return id
		}
	}
}

// Taken reports whether id is already reserved in the scope.
func (s *Scope) Taken(id string) bool {
	return s != nil && (s.taken[id] || s.outer.Taken(id))
}

func (s *Scope) reserve(id string) {
	if s.taken == nil {
		s.taken = make(map[string]bool)
		s.next = make(map[string]int)
	}
	s.taken[id] = true
}
