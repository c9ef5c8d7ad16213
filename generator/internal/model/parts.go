package model

// OpsPerFile is the most operations one generated file holds. Formatting a
// file parses it whole, so a file's peak memory grows with its size: with
// every request of a large collection in one file (all at the root, or in
// one folder) the run held that file's tree, source and formatted bytes at
// once, and under the command's memory limit the collector ran without
// pause (issue 14: 5,000 requests at the root took several times the time
// of the same requests in 50 folders). Cutting files at this size keeps
// the cost per request the same wherever the requests sit; no service of
// a hand-written collection seen so far comes near it.
const OpsPerFile = 250

// FileCount is the number of files n operations take: one, however few.
func FileCount(n int) int {
	return max(1, (n+OpsPerFile-1)/OpsPerFile)
}

// OpFile is one service file of the package and the operations it
// holds: Stem.go has their methods, Stem_test.go their tests.
type OpFile struct {
	Stem string
	Ops  []*Operation
}

// OpFiles lists the service files in the order they are written: Root's
// (operations.go and its parts, when Root has requests), then each
// top-level service's, its sub-services' operations after its own, depth
// first, OpsPerFile to a file. A part past the last operation holds none.
func OpFiles(root *Service) []OpFile {
	var out []OpFile
	if len(root.Ops) > 0 {
		out = appendParts(out, "operations", root.Parts, root.Ops)
	}
	for _, svc := range root.Services {
		out = appendParts(out, svc.File, svc.Parts, AllOps(svc))
	}
	return out
}

// appendParts cuts ops into the files stem and parts.
func appendParts(out []OpFile, stem string, parts []string, ops []*Operation) []OpFile {
	for i, s := range append([]string{stem}, parts...) {
		out = append(out, OpFile{Stem: s, Ops: ops[min(i*OpsPerFile, len(ops)):min((i+1)*OpsPerFile, len(ops))]})
	}
	return out
}

// AllOps lists the operations of svc and its sub-services, depth first.
func AllOps(svc *Service) []*Operation {
	return appendOps(nil, svc)
}

func appendOps(ops []*Operation, svc *Service) []*Operation {
	ops = append(ops, svc.Ops...)
	for _, sub := range svc.Services {
		ops = appendOps(ops, sub)
	}
	return ops
}

// Fixture is a saved body kept in a file under the package's
// testdata/pmgen/ rather than written into a test as a literal: one file
// per service file holds the bodies of its operations, each under its
// name.
type Fixture struct {
	// File is the file's name under testdata/pmgen/, the service file's
	// stem with ".txt" ("sessions.txt").
	File string
	// Name is the body's name in the file: the operation's test name
	// without "Test", unique in the package.
	Name string
}
