package conformance

import (
	"fmt"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
)

// Postman's dynamic variables ({{$guid}}, {{$timestamp}}) are drawn afresh
// by each side on every send, so where the collection spells a value with
// one, the harness compares that value by what it is: both sides must
// send a value of the variable's form, with the text around it exactly as
// saved. Everywhere else values are still compared exactly.

// dynamicForm is what a value of one dynamic variable looks like, loose
// enough for both newman's values (faker's) and the client's.
type dynamicForm struct {
	re string
	// check, when set, checks the meaning of a value of the right form: a
	// time near now, a number in range.
	check func(v string) bool
}

// nearNow accepts a time within an hour of now: newman runs first and the
// client after it, minutes apart on a slow machine.
func nearNow(t time.Time) bool {
	d := time.Since(t)
	return d > -time.Hour && d < time.Hour
}

// inRange accepts a decimal number in [lo, hi].
func inRange(lo, hi float64) func(string) bool {
	return func(v string) bool {
		f, err := strconv.ParseFloat(v, 64)
		return err == nil && f >= lo && f <= hi
	}
}

const uuidForm = `[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}`

// dynamicForms are the forms of the dynamic variables both Postman and
// pmgen produce, by name (without "$"). A name not here is compared as
// written: both sides send it as written when neither defines it.
var dynamicForms = map[string]dynamicForm{
	"guid":       {re: uuidForm},
	"randomUUID": {re: uuidForm},
	"timestamp": {re: `\d{9,11}`, check: func(v string) bool {
		n, err := strconv.ParseInt(v, 10, 64)
		return err == nil && nearNow(time.Unix(n, 0))
	}},
	"isoTimestamp": {re: `\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z`, check: func(v string) bool {
		t, err := time.Parse(time.RFC3339Nano, v)
		return err == nil && nearNow(t)
	}},
	"randomInt":          {re: `\d{1,4}`, check: inRange(0, 1000)},
	"randomBoolean":      {re: `true|false`},
	"randomAlphaNumeric": {re: `[a-zA-Z0-9]`},
	"randomColor":        {re: `[a-z]+(?: [a-z]+)*`},
	"randomHexColor":     {re: `#[0-9a-fA-F]{6}`},
	"randomIP":           {re: `\d{1,3}(?:\.\d{1,3}){3}`},
	"randomIPV6":         {re: `[0-9a-fA-F]{1,4}(?::[0-9a-fA-F]{1,4}){7}`},
	"randomMACAddress":   {re: `[0-9a-fA-F]{2}(?::[0-9a-fA-F]{2}){5}`},
	"randomPassword":     {re: `[\w-]{8,}`},
	"randomFirstName":    {re: `\S.*`},
	"randomLastName":     {re: `\S.*`},
	"randomFullName":     {re: `\S.* \S.*`},
	"randomUserName":     {re: `\S+`},
	"randomEmail":        {re: `[^@\s]+@[^@\s]+\.[a-z]+`},
	"randomExampleEmail": {re: `[^@\s]+@example\.(?:com|net|org)`},
	"randomWord":         {re: `\S.*`},
	"randomLoremWord":    {re: `[a-z]+`},
	"randomCountryCode":  {re: `[A-Z]{2}`},
	"randomCurrencyCode": {re: `[A-Z]{3}`},
	"randomLatitude":     {re: `-?\d{1,2}(?:\.\d+)?`, check: inRange(-90, 90)},
	"randomLongitude":    {re: `-?\d{1,3}(?:\.\d+)?`, check: inRange(-180, 180)},
	"randomPrice":        {re: `\d+\.\d{2}`, check: inRange(0, 1000)},
	"randomSemver":       {re: `\d+\.\d+\.\d+`},
	"randomProtocol":     {re: `https?`},
	"randomDomainName":   {re: `[\w-]+(?:\.[\w-]+)*\.[a-z]+`},
	"randomUrl":          {re: `https?://[\w-]+(?:\.[\w-]+)*\.[a-z]+/?`},
	"randomFileName":     {re: `[\w.-]+\.\w+`},
	"randomMimeType":     {re: `[\w.+-]+/[\w.+-]+`},
	"randomLocale":       {re: `[a-z]{2,3}(?:_[A-Z]{2})?`},
}

// dynamicRef is a {{$name}} reference.
var dynamicRef = regexp.MustCompile(`\{\{\$([A-Za-z0-9]+)\}\}`)

// savedPattern is what text saved with dynamic variables matches when
// sent: the literal text as saved, each known reference a value of its
// form. forms lists the referenced forms in order, one per group of re.
type savedPattern struct {
	re    *regexp.Regexp
	forms []dynamicForm
}

// patternOf compiles saved text into a savedPattern; nil when the text
// holds no dynamic variable the harness knows, so it is compared exactly.
func patternOf(saved string) *savedPattern {
	var b strings.Builder
	var forms []dynamicForm
	last := 0
	for _, m := range dynamicRef.FindAllStringSubmatchIndex(saved, -1) {
		f, ok := dynamicForms[saved[m[2]:m[3]]]
		if !ok {
			continue
		}
		b.WriteString(regexp.QuoteMeta(saved[last:m[0]]) + "(" + f.re + ")")
		forms = append(forms, f)
		last = m[1]
	}
	if forms == nil {
		return nil
	}
	return &savedPattern{re: regexp.MustCompile("^" + b.String() + regexp.QuoteMeta(saved[last:]) + "$"), forms: forms}
}

// matches reports whether v is the saved text with a value of the right
// form and meaning in place of each reference.
func (p *savedPattern) matches(v string) bool {
	m := p.re.FindStringSubmatch(v)
	if m == nil {
		return false
	}
	for i, f := range p.forms {
		if f.check != nil && !f.check(m[i+1]) {
			return false
		}
	}
	return true
}

// sameDynamic reports whether two sent values both fit saved text that
// spells dynamic variables. False when saved spells none: the values are
// then compared exactly by the caller.
func sameDynamic(saved, x, y string) bool {
	p := patternOf(saved)
	return p != nil && p.matches(x) && p.matches(y)
}

// hasDynamic reports whether text spells a dynamic variable the harness
// knows.
func hasDynamic(text string) bool {
	return patternOf(text) != nil
}

// newmanDynamicNames lists the dynamic variables the installed newman
// defines (postman-collection's table), without "$".
func newmanDynamicNames(newman string) (map[string]bool, error) {
	// newman is node_modules/.bin/newman: resolve from node_modules' parent.
	root := filepath.Dir(filepath.Dir(filepath.Dir(newman)))
	script := `const p = require.resolve('postman-collection/lib/superstring/dynamic-variables', {paths: [process.argv[1]]});
console.log(Object.keys(require(p)).join('\n'));`
	out, err := exec.Command("node", "-e", script, root).Output()
	if err != nil {
		return nil, fmt.Errorf("listing newman's dynamic variables: %v", err)
	}
	names := map[string]bool{}
	for _, line := range strings.Fields(string(out)) {
		names[strings.TrimPrefix(line, "$")] = true
	}
	return names, nil
}

// checkDynamicForms fails on a form for a name newman does not define:
// both sides must produce every name the harness compares by form, or
// the comparison would accept a value newman never sends.
func checkDynamicForms(t *testing.T, newman string) {
	t.Helper()
	names, err := newmanDynamicNames(newman)
	if err != nil {
		t.Fatal(err)
	}
	for name := range dynamicForms {
		if !names[name] {
			t.Errorf("the harness compares {{$%s}} by form, but newman does not define it", name)
		}
	}
}
