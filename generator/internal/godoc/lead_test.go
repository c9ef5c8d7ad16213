package godoc

import (
	"go/doc/comment"
	"strings"
	"testing"
)

func TestFirstSentence(t *testing.T) {
	tests := []struct {
		doc, sentence, rest string
		ok                  bool
	}{
		{"Logs a user in. The body is\nempty.\n\nMore.", "Logs a user in.", "The body is empty.\n\nMore.", true},
		{"Logs a user in\nto the realm", "Logs a user in to the realm", "", true},
		{"Finds users, e.g. by name. Paged.", "Finds users, e.g. by name.", "Paged.", true},
		{"Is it? Yes.", "Is it?", "Yes.", true},
		{"v1.2 of the API.", "v1.2 of the API.", "", true},
		{"\tcode block", "", "", false},
		{"# Heading\n\nText.", "", "", false},
		{"Intro:\n  - item", "", "", false},
		{"", "", "", false},
	}
	for _, tt := range tests {
		s, r, ok := FirstSentence(tt.doc)
		if s != tt.sentence || r != tt.rest || ok != tt.ok {
			t.Errorf("FirstSentence(%q) = %q, %q, %v; want %q, %q, %v", tt.doc, s, r, ok, tt.sentence, tt.rest, tt.ok)
		}
	}
}

func TestThirdPerson(t *testing.T) {
	tests := []struct {
		in, want string
		ok       bool
	}{
		{"Get", "gets", true}, {"Gets", "gets", true}, {"RETURNS", "returns", true},
		{"Search", "searches", true}, {"searches", "searches", true},
		{"Apply", "applies", true}, {"Applies", "applies", true},
		{"Fetch", "fetches", true}, {"Destroy", "destroys", true}, {"Log", "logs", true},
		{"User", "", false}, {"This", "", false}, {"Gets2", "", false}, {"s", "", false}, {"", "", false},
	}
	for _, tt := range tests {
		got, ok := ThirdPerson(tt.in)
		if got != tt.want || ok != tt.ok {
			t.Errorf("ThirdPerson(%q) = %q, %v; want %q, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

// TestFillIsOneParagraph checks that filled text is one paragraph of
// lines no longer than 80 columns (but for a longer word), as gofmt
// reads it, whatever words it holds.
func TestFillIsOneParagraph(t *testing.T) {
	words := strings.Repeat("lorem ipsum - 1. dolor # sit amet, consectetur ", 12) + strings.Repeat("x", 90) + " end"
	got := Fill(words)
	for _, line := range strings.Split(got, "\n") {
		if len(line) > 80 && strings.Contains(line, " ") {
			t.Errorf("line of %d columns: %q", len(line), line)
		}
	}
	var p comment.Parser
	d := p.Parse(got)
	if len(d.Content) != 1 {
		t.Fatalf("Fill gave %d blocks, want one paragraph:\n%s", len(d.Content), got)
	}
	if _, ok := d.Content[0].(*comment.Paragraph); !ok {
		t.Errorf("Fill gave a %T, want a paragraph", d.Content[0])
	}
}

// A name longer than a line still starts its doc's first line with the
// word after it, as staticcheck's ST1020 and ST1021 read a doc.
func TestFillKeepsNameAndVerb(t *testing.T) {
	name := strings.Repeat("Long", 25)
	got := Fill(name + " holds the query and header parameters of " + name + ".")
	if first, _, _ := strings.Cut(got, "\n"); first != name+" holds" {
		t.Errorf("first line %q, want %q", first, name+" holds")
	}
}
