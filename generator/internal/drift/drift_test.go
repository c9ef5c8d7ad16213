package drift

import (
	"slices"
	"testing"
)

const oldSrc = `package shop

// UsersService holds the Users requests.
type UsersService struct{ client *Client }

// GetUser sends the request "Get user".
func (s *UsersService) GetUser(id string) error { return nil }

// DeleteUser sends the request "Delete user".
func (s *UsersService) DeleteUser(id string) error { return nil }

// User is a user.
type User struct {
	Age int64 ` + "`json:\"age\"`" + `
}

const (
	A = 1
	B = 2
)
`

const newSrc = `package shop

// UsersService holds the Users requests.
type UsersService struct{ client *Client }

// GetUser sends the request "Fetch a user".
func (s *UsersService) GetUser(id string) error { return nil }

// User is a user.
type User struct {
	Age string ` + "`json:\"age\"`" + `
}

// ListUsers sends the request "List users".
func (s *UsersService) ListUsers() error { return nil }

const (
	A = 1
	B = 3
)
`

func TestAffected(t *testing.T) {
	tests := []struct {
		name  string
		files []File
		want  []string
	}{{
		name:  "methods and types",
		files: []File{{Path: "users.go", Old: []byte(oldSrc), New: []byte(newSrc)}},
		want: []string{
			// A doc comment is part of the declaration.
			"changed method UsersService.GetUser",
			"changed type User",
			"added method UsersService.ListUsers",
			"changed const B",
			"removed method UsersService.DeleteUser",
		},
	}, {
		name:  "identical",
		files: []File{{Path: "users.go", Old: []byte(oldSrc), New: []byte(oldSrc)}},
	}, {
		name:  "missing on disk",
		files: []File{{Path: "orders.go", New: []byte("package shop\n\ntype Order struct{}\n")}},
		want:  []string{"added type Order"},
	}, {
		name:  "stale file",
		files: []File{{Path: "orders.go", Old: []byte("package shop\n\nfunc Old() {}\n")}},
		want:  []string{"removed func Old"},
	}, {
		name:  "hand edit that is not Go",
		files: []File{{Path: "types.go", Old: []byte("package shop\n\ntype {"), New: []byte(newSrc)}},
		want:  []string{"changed file types.go (not valid Go)"},
	}, {
		name: "tests and prose are not API",
		files: []File{
			{Path: "users_test.go", Old: []byte("package shop\n"), New: []byte("package shop\n\nfunc TestX() {}\n")},
			{Path: "README.md", Old: []byte("a"), New: []byte("b")},
		},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, d := range Affected(tt.files) {
				got = append(got, d.String())
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("Affected:\n got %q\nwant %q", got, tt.want)
			}
		})
	}
}
