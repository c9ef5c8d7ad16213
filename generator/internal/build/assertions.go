package build

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/pmgen/pmgen/generator/internal/load"
	"github.com/pmgen/pmgen/generator/internal/model"
)

// pmTest finds pm.test("title", ...) blocks; statusCheck finds the status
// assertions Postman's snippets write:
//
//	pm.expect(pm.response.code).to.eql(200)
//	pm.response.to.have.status(200)
var (
	pmTest      = regexp.MustCompile(`pm\.test\(\s*(["'])((?:[^"'\\]|\\.)*)["']`)
	statusCheck = regexp.MustCompile(`pm\.response\.code\)\s*\.to\.(?:eql|equal|eq|be\.equal)\(\s*(\d{3})\s*\)|pm\.response\.to\.(?:have\.)?status\(\s*(\d{3})\s*\)`)
)

// statusAssertions translates the status checks of an item's test scripts.
func statusAssertions(events []load.Event) []model.Assertion {
	var out []model.Assertion
	for _, ev := range events {
		if ev.Listen != "test" || ev.Disabled {
			continue
		}
		script := strings.Join(ev.Exec, "\n")
		tests := pmTest.FindAllStringSubmatchIndex(script, -1)
		for i, loc := range tests {
			end := len(script)
			if i+1 < len(tests) {
				end = tests[i+1][0]
			}
			name := script[loc[4]:loc[5]]
			m := statusCheck.FindStringSubmatch(script[loc[1]:end])
			if m == nil {
				continue
			}
			code := m[1]
			if code == "" {
				code = m[2]
			}
			status, _ := strconv.Atoi(code)
			out = append(out, model.Assertion{Kind: model.AssertStatus, Name: name, Status: status})
		}
	}
	return out
}
