package output

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
)

// contain checks, before anything is read for the run or changed, that
// the run cannot reach outside its package directory. Write replaces and
// removes the .go files it owns at the top of dir, so a dir that is the
// file system's root, a module's root or the user's home would put files
// that are not a package's at stake; and a symbolic link on the way to a
// file would carry writes and removals wherever it points.
//
// Every symbolic link on a path that pmgen writes, removes or walks is
// refused, also one that stays inside dir: pmgen never makes links, a link
// inside dir could make two generated paths one file (so that removing a
// stale one deletes a fresh one), and one rule is easier to trust than
// two. The links that stand on dir's own path (dir itself, or one of its
// parents) are the user's choice of where the package lives and are
// followed. A link elsewhere in dir (a hand-written file, a link inside
// testdata/pmgen/ that no generated path goes through) is never followed,
// so it is left alone.
//
// The checks are not a defence against another process changing dir
// during the run: they catch what is on disk when the run starts.
func contain(dir string, files []File) error {
	root, err := resolveDir(dir)
	if err != nil {
		return err
	}
	if err := refuseRoot(dir, root); err != nil {
		return err
	}
	return refuseLinks(dir, root, files)
}

// resolveDir returns dir as an absolute path with every symbolic link
// resolved. A dir that does not exist yet resolves through its nearest
// existing parent, since that is where Write will create it.
func resolveDir(dir string) (string, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return "", fmt.Errorf("output: %w", err)
	}
	var missing []string
	for p := abs; ; {
		real, err := filepath.EvalSymlinks(p)
		if err == nil {
			slices.Reverse(missing)
			return filepath.Join(append([]string{real}, missing...)...), nil
		}
		// A file where a parent directory belongs is reported by
		// Write when it makes the directories, naming the file.
		if !errors.Is(err, fs.ErrNotExist) && !errors.Is(err, syscall.ENOTDIR) {
			return "", fmt.Errorf("output: %w", err)
		}
		parent := filepath.Dir(p)
		if parent == p {
			return abs, nil
		}
		missing = append(missing, filepath.Base(p))
		p = parent
	}
}

// refuseRoot refuses a package directory that holds more than a package:
// the root of the file system (or of a Windows volume), a Go module's root
// (the module's own .go files would be replaced or removed) and the home
// directory. A mount point is not refused: a container that mounts the
// package's folder at /gen is a normal way to run pmgen.
func refuseRoot(dir, root string) error {
	name := dir
	if abs, err := filepath.Abs(dir); err == nil && abs != root {
		name = fmt.Sprintf("%s (%s)", dir, root)
	}
	if filepath.Dir(root) == root {
		return fmt.Errorf("output: refusing -out %s: it is the root of the file system; give the package a directory of its own", name)
	}
	if info, err := os.Stat(filepath.Join(root, "go.mod")); err == nil && info.Mode().IsRegular() {
		return fmt.Errorf("output: refusing -out %s: it is a Go module's root (it holds go.mod), whose own files pmgen could replace or remove; give the package a directory of its own inside the module", name)
	}
	if home, err := os.UserHomeDir(); err == nil {
		if real, err := filepath.EvalSymlinks(home); err == nil && real == root {
			return fmt.Errorf("output: refusing -out %s: it is your home directory; give the package a directory of its own", name)
		}
	}
	return nil
}

// refuseLinks reports every symbolic link that stands on the way to a
// generated file, on the file itself, or on testdata/pmgen/, which a run
// walks for stale files to remove. All are reported at once, in path
// order; below a link nothing is looked at, since it would be looked at
// through the link.
func refuseLinks(dir, root string, files []File) error {
	owned := strings.TrimSuffix(ownedDir, "/")
	paths := []string{owned}
	for _, f := range files {
		paths = append(paths, f.Path)
	}
	seen := map[string]bool{}
	var rels []string
	for _, p := range paths {
		for q := p; q != "." && !seen[q]; q = path.Dir(q) {
			seen[q] = true
			rels = append(rels, q)
		}
	}
	// Parents sort before their children, so a link is found before
	// anything below it.
	slices.Sort(rels)
	links := map[string]bool{}
	var errs []error
	for _, rel := range rels {
		if underLink(rel, links) {
			continue
		}
		full := osPath(dir, rel)
		info, err := os.Lstat(full)
		if errors.Is(err, fs.ErrNotExist) || errors.Is(err, syscall.ENOTDIR) {
			continue // Nothing there yet, or a file where a directory belongs: reported later.
		}
		if err != nil {
			return fmt.Errorf("output: %w", err)
		}
		if info.Mode()&fs.ModeSymlink == 0 {
			continue
		}
		links[rel] = true
		errs = append(errs, linkError(full, filepath.Join(root, filepath.FromSlash(path.Dir(rel))), root))
	}
	return errors.Join(errs...)
}

// underLink reports whether one of rel's parents is a link found earlier.
func underLink(rel string, links map[string]bool) bool {
	for q := path.Dir(rel); q != "."; q = path.Dir(q) {
		if links[q] {
			return true
		}
	}
	return false
}

// linkError describes the link at full, whose directory is realParent,
// saying whether it leads out of root: that is the dangerous case, and the
// one a user must see first. A dangling link is judged by where it points.
func linkError(full, realParent, root string) error {
	to, err := os.Readlink(full)
	if err != nil {
		return fmt.Errorf("output: %w", err)
	}
	dest := to
	if !filepath.IsAbs(dest) {
		dest = filepath.Join(realParent, dest)
	}
	if real, err := filepath.EvalSymlinks(dest); err == nil {
		dest = real
	}
	if !inside(root, dest) {
		return fmt.Errorf("output: %s is a symbolic link to %s, outside the output directory; pmgen never writes or removes through it: remove the link or choose another -out", full, to)
	}
	return fmt.Errorf("output: %s is a symbolic link to %s; pmgen writes and removes only through real directories and files inside the output directory: replace the link with what it points to", full, to)
}

// inside reports whether p is root or below it. Both are absolute and clean.
func inside(root, p string) bool {
	rel, err := filepath.Rel(root, p)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) && !filepath.IsAbs(rel)
}
