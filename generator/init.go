package generator

import (
	"encoding/json"
	"errors"
	"fmt"
	"go/token"
	"io/fs"
	"path"
	"path/filepath"
	"strings"

	"github.com/pmgen/pmgen/generator/internal/load"
	"github.com/pmgen/pmgen/generator/internal/model"
	"github.com/pmgen/pmgen/generator/internal/naming"
	"github.com/pmgen/pmgen/generator/internal/output"
	"github.com/pmgen/pmgen/generator/internal/project"
)

// maxStarterFolders bounds the folders a starter file lists: a collection
// of hundreds of folders would bury the file's own lines.
const maxStarterFolders = 40

// StarterProject writes a commented pmgen.yaml for the collection in
// (a file, postman:UID or git:REF:PATH), to be saved as config: one
// package written to out (default: the package name, beside config) and
// named pkg (default: out's last element when that is a Go identifier,
// else from the collection), with every override shown, commented out,
// on this collection's own names: its folders for include and exclude, a
// method, a type, a field and a variable. pmgen generate accepts the file
// unchanged.
func StarterProject(in, out, pkg, config string) ([]byte, error) {
	col, _, err := readInputs(in, "")
	if err != nil {
		return nil, err
	}
	if base := path.Base(filepath.ToSlash(out)); pkg == "" && out != "" && checkPackageName(base) == nil && token.IsIdentifier(base) {
		// A package is best named as its directory.
		pkg = base
	}
	api, _, err := buildModel(col, source{}, pkg, nil, nil)
	if err != nil {
		return nil, err
	}
	c, _ := load.Parse(col.name, col.data)
	if pkg == "" {
		pkg = api.Package
	}
	if out == "" {
		out = pkg
	}
	input := in
	if !strings.HasPrefix(in, "postman:") && !strings.HasPrefix(in, "git:") {
		if abs, err := filepath.Abs(in); err == nil {
			if cfgAbs, err := filepath.Abs(config); err == nil {
				if rel, err := filepath.Rel(filepath.Dir(cfgAbs), abs); err == nil {
					input = filepath.ToSlash(rel)
				}
			}
		}
	}
	var b strings.Builder
	line := func(format string, args ...any) { fmt.Fprintf(&b, format+"\n", args...) }
	line("# yaml-language-server: $schema=%s", project.SchemaURL)
	line("#")
	line("# pmgen.yaml lists the Go clients pmgen generates from Postman collections.")
	line("# `go tool pmgen` (or `pmgen generate`) writes them; `go tool pmgen check`")
	line("# fails when one is out of date. Paths are relative to this file.")
	line("version: 1")
	line("packages:")
	line("  - input: %s", quote(input))
	line("    output: %s", quote(out))
	line("    package: %s", quote(pkg))
	line("    # A Postman environment whose values become the client's defaults:")
	line("    # environment: env.postman_environment.json")
	folders := folderPaths(c.Items, nil, nil)
	line("    #")
	line("    # Generate only some requests (include), or all but some (exclude), by")
	line("    # folder path (\"Folder/Sub\"), request path or request name; * ? [...]")
	if len(folders) == 0 {
		line("    # match as in file names. The collection has no folders.")
	} else {
		line("    # match as in file names. The collection's folders:")
	}
	line("    # include:")
	for i, f := range folders {
		if i == maxStarterFolders {
			line("    #   # … and %d more", len(folders)-i)
			break
		}
		line("    #   - %s", quote(f))
	}
	line("    # exclude:")
	line("    #   - %s", quote(firstOr(folders, "Folder/Request name")))
	line("    #")
	line("    # New Go names, keyed by the name pmgen diff prints: a service, a method,")
	line("    # a type or a field. A name that matches nothing is an error.")
	line("    # rename:")
	svc, op := firstNames(api.Root, "c")
	if svc != "" {
		line("    #   %s: %s", svc, "Renamed")
	}
	if op != "" {
		line("    #   %s: %s", op, "Renamed")
	}
	typ, field := firstType(api)
	if typ != "" {
		line("    #   %s: %s", typ, "Renamed")
	}
	line("    #")
	line("    # Go types for fields: int64, time.Time, or IMPORT.Name from another package.")
	line("    # types:")
	if field != "" {
		line("    #   %s: int64", field)
	} else {
		line("    #   SomeResponse.CreatedAt: time.Time")
	}
	line("    #")
	line("    # Defaults for the collection's variables, and variables whose saved")
	line("    # values are secrets (never written), or are not (kept although they")
	line("    # look like credentials).")
	variable := firstSetting(api)
	line("    # settings:")
	line("    #   %s: \"value\"", variable)
	line("    # secrets: [%s]", variable)
	line("    # keep-secrets: [%s]", variable)
	line("    #")
	line("    # generate:")
	line("    #   tests: true      # the package's tests, examples and fixtures")
	line("    #   iterators: true  # page iterators for paginated requests")
	line("    #   mock: true       # NewMockServer; false needs tests: false")
	return []byte(b.String()), nil
}

// quote spells s as a YAML double-quoted scalar, which JSON's strings are.
func quote(s string) string {
	q, _ := json.Marshal(s)
	return string(q)
}

func firstOr(list []string, def string) string {
	if len(list) > 0 {
		return list[len(list)-1]
	}
	return def
}

// folderPaths lists the collection's folders, slash-joined, in order.
func folderPaths(items []*load.Item, parents []string, out []string) []string {
	for _, it := range items {
		if !it.IsFolder {
			continue
		}
		names := append(append([]string(nil), parents...), it.Name)
		out = append(out, strings.Join(names, "/"))
		out = folderPaths(it.Items, names, out)
	}
	return out
}

// firstNames are the first service and method, as pmgen diff prints them.
func firstNames(root *model.Service, prefix string) (svc, op string) {
	if len(root.Ops) > 0 {
		op = prefix + "." + root.Ops[0].Method
	}
	for _, sub := range root.Services {
		s := prefix + "." + sub.Field
		if svc == "" {
			svc = s
		}
		if op == "" {
			_, op = firstNames(sub, s)
		}
	}
	return svc, op
}

// firstType is the first named type and one of its fields.
func firstType(api *model.API) (typ, field string) {
	for _, t := range api.Types {
		if typ == "" {
			typ = t.Name
		}
		if len(t.Fields) > 0 {
			return typ, t.Name + "." + t.Fields[0].Name
		}
	}
	return typ, ""
}

// firstSetting names a variable of the collection for the examples.
func firstSetting(api *model.API) string {
	for _, s := range api.Settings {
		if !s.Spelled && !s.URL && naming.Exported(s.Key, "") != "" {
			return s.Key
		}
	}
	return "variableName"
}

// WriteStarter saves a starter project file; it never replaces one.
func WriteStarter(config string, data []byte) error {
	if err := output.Create(config, data); err != nil {
		if errors.Is(err, fs.ErrExist) {
			return fmt.Errorf("%s exists; pmgen init does not replace it (add a package to it by hand, or remove it first)", config)
		}
		return err
	}
	return nil
}
