package pmruntime

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"
	"strings"
)

// A test script that sets a variable from the response
// (pm.environment.set("token", pm.response.json().tokenId)) becomes a
// generated Read<Op>Variables function; these read the value it names, as
// the text Postman substitutes for {{token}} in later requests.

// requiredVariable reads the variable key from the JSON body of resp at
// path (keys and array indexes). It fails when the body is not JSON or has
// nothing there: the script would have stopped or set undefined, and an
// empty value sent on the next call would hide that.
func requiredVariable(resp *Response, key string, path ...string) (string, error) {
	if resp == nil {
		return "", fmt.Errorf(packageName+": variable %q: no response", key)
	}
	raw, err := jsonMember(resp.Body, path)
	if err != nil {
		return "", fmt.Errorf(packageName+": variable %q: %w", key, err)
	}
	return variableText(raw), nil
}

// guardedVariable reads a variable the script sets only under
// `if (value)`: it is empty when the body is not JSON, has nothing at path,
// or holds a value JavaScript counts as false there (false, 0, "").
func guardedVariable(resp *Response, path ...string) string {
	if resp == nil {
		return ""
	}
	raw, err := jsonMember(resp.Body, path)
	if err != nil || !truthy(raw) {
		return ""
	}
	return variableText(raw)
}

// jsonMember returns the raw JSON at path in body. A member holding null
// counts as missing, as it does for a typed result.
func jsonMember(body []byte, path []string) (json.RawMessage, error) {
	raw := json.RawMessage(bytes.TrimSpace(body))
	if !json.Valid(raw) {
		return nil, fmt.Errorf("the response body is not JSON")
	}
	for i, key := range path {
		missing := fmt.Errorf("the response has no %s", strings.Join(path[:i+1], "."))
		switch {
		case len(raw) > 0 && raw[0] == '{':
			var obj map[string]json.RawMessage
			if json.Unmarshal(raw, &obj) != nil {
				return nil, missing
			}
			next, ok := obj[key]
			if !ok {
				return nil, missing
			}
			raw = next
		case len(raw) > 0 && raw[0] == '[':
			var arr []json.RawMessage
			n, err := strconv.Atoi(key)
			if err != nil || json.Unmarshal(raw, &arr) != nil || n < 0 || n >= len(arr) {
				return nil, missing
			}
			raw = arr[n]
		default:
			return nil, missing
		}
		if string(raw) == "null" {
			return nil, missing
		}
	}
	return raw, nil
}

// variableText is the text a JSON value gives a variable: a string's
// value, a number or boolean as written, an object or array as compact
// JSON.
func variableText(raw json.RawMessage) string {
	if len(raw) > 0 && raw[0] == '"' {
		var s string
		if json.Unmarshal(raw, &s) == nil {
			return s
		}
	}
	var b bytes.Buffer
	if json.Compact(&b, raw) != nil {
		return string(raw)
	}
	return b.String()
}

// truthy reports whether JavaScript's if takes the JSON value as true.
func truthy(raw json.RawMessage) bool {
	switch s := string(raw); {
	case s == "false", s == "null", s == `""`:
		return false
	case len(s) > 0 && (s[0] == '-' || s[0] >= '0' && s[0] <= '9'):
		f, err := strconv.ParseFloat(s, 64)
		return err != nil || f != 0
	}
	return true
}

// bodyVariable is the variable a script sets to the whole body
// (responseBody): the body as text.
func bodyVariable(resp *Response) string {
	if resp == nil {
		return ""
	}
	return string(resp.Body)
}

// presentVariable reads a variable a script sets inside try: empty when
// the body is not JSON or has nothing at path, where the script's catch
// would have left the variable alone.
func presentVariable(resp *Response, path ...string) string {
	if resp == nil {
		return ""
	}
	raw, err := jsonMember(resp.Body, path)
	if err != nil {
		return ""
	}
	return variableText(raw)
}

// bodyContains is a script's responseBody.indexOf(s) !== -1.
func bodyContains(resp *Response, s string) bool {
	return resp != nil && bytes.Contains(resp.Body, []byte(s))
}

// statusText is a script's pm.response.status: the status's reason
// phrase, as net/http names it.
func statusText(resp *Response) string {
	if resp == nil {
		return ""
	}
	return http.StatusText(resp.StatusCode)
}

// statusCode is a script's pm.response.code.
func statusCode(resp *Response) int {
	if resp == nil {
		return 0
	}
	return resp.StatusCode
}

// requiredHeader reads the variable key from the response header name
// (pm.response.headers.get(name)). A header the response lacks is an
// error, as a missing JSON member is.
func requiredHeader(resp *Response, key, name string) (string, error) {
	if resp == nil || len(resp.Header.Values(name)) == 0 {
		return "", fmt.Errorf(packageName+": variable %q: the response has no %s header", key, name)
	}
	return resp.Header.Get(name), nil
}

// optionalHeader reads a header under an if or inside try: empty when
// the response lacks it.
func optionalHeader(resp *Response, name string) string {
	if resp == nil {
		return ""
	}
	return resp.Header.Get(name)
}
