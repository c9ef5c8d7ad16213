package pmtest

import (
	"strconv"
	"strings"

	"github.com/pmgen/pmgen/generator/internal/model"
)

// The assertions of a chai chain, by subject: what pm.response.to and
// pm.expect(...).to translate to.

// statusReasons are chai-postman's status properties (pm.response.to.be.ok):
// each asserts one status code. ok is 200 exactly, not any 2xx.
var statusReasons = map[string]int{
	"ok": 200, "accepted": 202, "withoutContent": 204, "badRequest": 400,
	"unauthorized": 401, "unauthorised": 401, "forbidden": 403, "notFound": 404,
	"notAcceptable": 406, "rateLimited": 429,
}

// statusClasses are chai-postman's status class properties.
var statusClasses = map[string][]int{
	"info": {1}, "success": {2}, "redirection": {3}, "clientError": {4}, "serverError": {5}, "error": {4, 5},
}

// chaiTerminals are the assertions translated for some subject: an
// argument that is not a literal is then the reason a block is refused.
var chaiTerminals = map[string]bool{
	"status": true, "statusCode": true, "statusCodeClass": true, "header": true, "jsonBody": true,
	"equal": true, "equals": true, "eq": true, "eql": true, "eqls": true, "oneOf": true,
	"a": true, "an": true, "property": true, "include": true, "includes": true, "contain": true, "contains": true,
}

// chaiTypes are the chai type names (.a('array')) that a JSON value can have.
var chaiTypes = map[string]bool{"array": true, "object": true, "string": true, "number": true, "boolean": true}

// response translates pm.response.to.have.status(200) and its kin.
func (st *chainState) response(word string, call bool, lits []jsLiteral, used string) string {
	switch {
	case !call && statusReasons[word] != 0:
		st.add(model.Assertion{Kind: model.AssertStatus, Statuses: []int{statusReasons[word]}})
	case !call && statusClasses[word] != nil:
		classes := statusClasses[word]
		if st.not {
			classes = complementClasses(classes)
		}
		st.add(model.Assertion{Kind: model.AssertStatusClass, Statuses: classes})
	case !call && word == "json":
		st.add(model.Assertion{Kind: model.AssertJSONBody})
	case call && (word == "status" || word == "statusCode") && len(lits) == 1:
		code, ok := statusCode(lits[0])
		if !ok {
			return used + " with a status reason"
		}
		st.add(model.Assertion{Kind: model.AssertStatus, Statuses: []int{code}})
	case call && word == "statusCodeClass" && len(lits) == 1:
		class, ok := statusCode(lits[0])
		if !ok || class < 1 || class > 5 {
			return used
		}
		st.add(model.Assertion{Kind: model.AssertStatusClass, Statuses: []int{class}})
	case call && word == "header" && len(lits) == 1 && lits[0].kind == "string":
		st.add(model.Assertion{Kind: model.AssertHeaderPresent, Header: lits[0].str})
	case call && word == "header" && len(lits) == 2 && lits[0].kind == "string" && lits[1].kind == "string":
		st.add(model.Assertion{Kind: model.AssertHeaderEquals, Header: lits[0].str, Value: lits[1].str})
	case call && word == "jsonBody" && len(lits) == 0:
		st.add(model.Assertion{Kind: model.AssertJSONBody})
	case call && word == "jsonBody" && len(lits) >= 1 && len(lits) <= 2 && lits[0].kind == "string":
		path := parseLodashPath(lits[0].str)
		switch {
		case st.not && len(lits) == 2:
			return "uses .not.jsonBody() with a value"
		case st.not:
			st.add(model.Assertion{Kind: model.AssertJSONAbsent, Path: path})
		case len(lits) == 2:
			// lodash's _.isEqual: deep, so objects and arrays compare too.
			st.add(model.Assertion{Kind: model.AssertJSONEquals, Path: path, Value: lits[1].json})
		default:
			st.add(model.Assertion{Kind: model.AssertJSONPresent, Path: path})
		}
	default:
		return used
	}
	return ""
}

func complementClasses(classes []int) []int {
	var out []int
	for c := 1; c <= 5; c++ {
		keep := true
		for _, x := range classes {
			keep = keep && x != c
		}
		if keep {
			out = append(out, c)
		}
	}
	return out
}

func statusCode(l jsLiteral) (int, bool) {
	if l.kind != "number" {
		return 0, false
	}
	n, err := strconv.Atoi(l.str)
	return n, err == nil
}

func isEquality(word string) bool {
	switch word {
	case "equal", "equals", "eq", "eql", "eqls":
		return true
	}
	return false
}

// status translates pm.expect(pm.response.code).to.equal(200) and
// .to.be.oneOf([200, 302]).
func (st *chainState) status(word string, call bool, lits []jsLiteral, used string) string {
	switch {
	case call && isEquality(word) && len(lits) == 1:
		code, ok := statusCode(lits[0])
		if !ok {
			return used + " with a value that is not a status"
		}
		st.add(model.Assertion{Kind: model.AssertStatus, Statuses: []int{code}})
	case call && word == "oneOf" && len(lits) == 1 && lits[0].kind == "array":
		var codes []int
		for _, s := range strings.Split(strings.Trim(lits[0].json, "[]"), ",") {
			code, err := strconv.Atoi(s)
			if err != nil {
				return used + " with a value that is not a status"
			}
			codes = append(codes, code)
		}
		st.add(model.Assertion{Kind: model.AssertStatus, Statuses: codes})
	default:
		return used
	}
	return ""
}

// header translates pm.expect(pm.response.headers.get('X')).to.equal('v')
// and .to.include('v').
func (st *chainState) header(word string, call bool, lits []jsLiteral, used string) string {
	name := st.subj.header
	switch {
	case !call && word == "exist":
		st.add(model.Assertion{Kind: model.AssertHeaderPresent, Header: name})
	case call && isEquality(word) && len(lits) == 1 && lits[0].kind == "string":
		st.add(model.Assertion{Kind: model.AssertHeaderEquals, Header: name, Value: lits[0].str})
	case call && (word == "include" || word == "includes" || word == "contain" || word == "contains") && len(lits) == 1 && lits[0].kind == "string":
		st.add(model.Assertion{Kind: model.AssertHeaderIncludes, Header: name, Value: lits[0].str})
	default:
		return used
	}
	return ""
}

// json translates assertions on the parsed body or a path into it:
// .to.have.property('a'), .property('a', 1), .and.be.an('array'),
// .to.equal('x'), .to.eql({...}), .to.exist.
func (st *chainState) json(word string, call bool, lits []jsLiteral, used string) string {
	path := st.subj.path
	// chai's equal and property values compare with ===, unless .deep:
	// an object or array literal never equals the body's.
	strict := func(l jsLiteral) bool { return st.deep || l.primitive() }
	switch {
	case !call && word == "exist":
		kind := model.AssertJSONPresent
		if st.not {
			kind = model.AssertJSONAbsent
		}
		st.add(model.Assertion{Kind: kind, Path: path})
	case call && (word == "equal" || word == "equals" || word == "eq") && len(lits) == 1:
		if !strict(lits[0]) {
			return used + " on an object (chai compares identity)"
		}
		st.add(model.Assertion{Kind: model.AssertJSONEquals, Path: path, Value: lits[0].json})
	case call && (word == "eql" || word == "eqls") && len(lits) == 1:
		st.add(model.Assertion{Kind: model.AssertJSONEquals, Path: path, Value: lits[0].json})
	case call && (word == "a" || word == "an") && len(lits) == 1 && chaiTypes[strings.ToLower(lits[0].str)]:
		st.add(model.Assertion{Kind: model.AssertJSONType, Path: path, Value: strings.ToLower(lits[0].str)})
	case call && word == "property" && len(lits) >= 1 && len(lits) <= 2 && lits[0].kind == "string":
		sub := append(append([]string(nil), path...), lits[0].str)
		if st.nested {
			sub = append(append([]string(nil), path...), parseLodashPath(lits[0].str)...)
		}
		switch {
		case st.not && len(lits) == 2:
			return "uses .not.property() with a value"
		case st.not:
			st.add(model.Assertion{Kind: model.AssertJSONAbsent, Path: sub})
		case len(lits) == 2:
			if !strict(lits[1]) {
				return used + " on an object (chai compares identity)"
			}
			st.add(model.Assertion{Kind: model.AssertJSONEquals, Path: sub, Value: lits[1].json})
		default:
			st.add(model.Assertion{Kind: model.AssertJSONPresent, Path: sub})
		}
		// chai goes on with the property's value: .property('a').that.is.an('array').
		st.subj.path = sub
		st.nested = false
	default:
		return used
	}
	return ""
}
