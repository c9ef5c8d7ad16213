package output

import (
	"cmp"
	"errors"
	"fmt"
	"path"
	"slices"
	"strings"
)

// tmpPrefix starts the name of every file Write stages. The prefix is
// reserved: a crashed run's leftovers are recognised by it and removed by
// the next Write, and the leading dot keeps them out of the go tool's sight.
const tmpPrefix = ".pmgen-tmp-"

// validate checks every path before anything touches the disk and returns
// the files sorted by path, so that everything downstream runs in a
// deterministic order. All problems are reported together.
func validate(files []File) ([]File, error) {
	sorted := slices.Clone(files)
	slices.SortStableFunc(sorted, func(a, b File) int { return cmp.Compare(a.Path, b.Path) })

	var errs []error
	bad := func(p, format string, args ...any) {
		errs = append(errs, fmt.Errorf("output: invalid path %q: %s", p, fmt.Sprintf(format, args...)))
	}
	seen := make(map[string]bool, len(sorted))
	folded := make(map[string]string, len(sorted))
	for i, f := range sorted {
		p := f.Path
		if reason := pathProblem(p); reason != "" {
			bad(p, "%s", reason)
			continue
		}
		if i > 0 && sorted[i-1].Path == p {
			// Reported once per extra copy, never once per pair.
			bad(p, "listed more than once")
			continue
		}
		// Two names that differ only in case are one file on macOS and
		// Windows: the second write would silently replace the first.
		if other, ok := folded[strings.ToLower(p)]; ok {
			bad(p, "differs from %q only in case; they would be one file on case-insensitive file systems", other)
			continue
		}
		seen[p] = true
		folded[strings.ToLower(p)] = p
	}
	// A path cannot be both a file and the directory of another file.
	// Only valid paths are looked at: they are relative and clean, so
	// path.Dir reaches "." and the loop ends.
	for _, f := range sorted {
		if !seen[f.Path] {
			continue
		}
		for dir := path.Dir(f.Path); dir != "." && dir != "/"; dir = path.Dir(dir) {
			if seen[dir] {
				bad(f.Path, "its directory %q is also listed as a file", dir)
				break
			}
		}
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return sorted, nil
}

// pathProblem says what is wrong with one path, or "" when it is usable:
// relative, clean, slash-separated, inside the package directory, and not
// using the reserved temporary-file prefix.
func pathProblem(p string) string {
	switch {
	case p == "":
		return "empty"
	case strings.ContainsRune(p, 0):
		return "contains a NUL byte"
	case strings.ContainsRune(p, '\\'):
		return "contains a backslash; paths are slash-separated"
	case path.IsAbs(p) || hasDriveLetter(p):
		return "absolute; paths are relative to the package directory"
	case p == ".":
		return "names the package directory itself, not a file"
	}
	for _, elem := range strings.Split(p, "/") {
		if elem == ".." {
			return `contains ".."; files must stay inside the package directory`
		}
	}
	if path.Clean(p) != p {
		return fmt.Sprintf("not clean (%q)", path.Clean(p))
	}
	for _, elem := range strings.Split(p, "/") {
		if strings.HasPrefix(elem, tmpPrefix) {
			return fmt.Sprintf("names starting with %q are reserved for temporary files", tmpPrefix)
		}
	}
	return ""
}

// hasDriveLetter reports a Windows volume such as "C:", which would make
// the path absolute (or drive-relative) when joined on Windows.
func hasDriveLetter(p string) bool {
	return len(p) >= 2 && p[1] == ':' && ('a' <= p[0] && p[0] <= 'z' || 'A' <= p[0] && p[0] <= 'Z')
}
