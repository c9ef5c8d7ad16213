package conformance

import (
	"errors"
	"io/fs"
	"os"
	"sort"
	"strings"
)

// givenVarsExt names a collection's sibling file of variable values that
// the run gives both sides, one key=value a line: NAME.env-vars beside
// NAME.postman_collection.json. It stands for a user's environment, so
// that one collection can be checked with saved values left empty (the
// collection) and given (a copy with this file).
const givenVarsExt = ".env-vars"

// giveVars applies the file's values: newman gets them with --env-var,
// over the saved ones, and the client as settings and credentials. A
// missing file gives nothing.
func (c *collection) giveVars(file string) error {
	data, err := os.ReadFile(file)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	for _, line := range strings.Split(string(data), "\n") {
		if line = strings.TrimSpace(line); line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		k, v, ok := strings.Cut(line, "=")
		if !ok {
			return errors.New(file + ": a line is not key=value: " + line)
		}
		c.vars[k] = v
		c.envVars = append(c.envVars, k)
	}
	sort.Strings(c.envVars)
	c.envVars = compactStrings(c.envVars)
	return nil
}
