// Package output puts generated files on disk: Write makes a package
// directory hold exactly the generated files, Check reports how the disk
// differs from them as a unified diff, and Owned decides which existing
// files are pmgen's to replace or delete.
//
// It is the only package of pmgen that touches the disk for generated
// output, so the guarantees users rely on live here and nowhere else:
//
//   - A run is atomic per package. New contents are staged next to their
//     targets and synced, all together (durable.go), before anything is
//     renamed into place; a failure while staging leaves the directory
//     as it was, and a failure while committing is rolled back from the
//     contents read beforehand.
//   - Byte-identical files are not rewritten, so their modification times
//     (and therefore build caches and editors) are left alone.
//   - Only files that carry pmgen's header, or live under testdata/pmgen/,
//     are ever removed as stale. Hand-written files next to generated ones
//     are never deleted.
//   - A run stays inside its directory: it never writes, removes or walks
//     through a symbolic link below it, and refuses a directory that is
//     the file system's root, a module's root or the home directory (see
//     contain).
//   - Order is deterministic everywhere: files are handled and reported in
//     path order.
package output
