package build

import (
	"strconv"
	"strings"

	"github.com/pmgen/pmgen/generator/internal/load"
	"github.com/pmgen/pmgen/generator/internal/model"
	"github.com/pmgen/pmgen/generator/internal/naming"
	"github.com/pmgen/pmgen/generator/internal/pagination"
)

// buildService makes the service for a folder (or the root, when folder is
// nil): a method per request, a field per sub-folder. Fields and methods
// share one Go scope, so they are named from one naming.Scope.
func (b *builder) buildService(folder *load.Item, chain []string, items []*load.Item, typeName string) *model.Service {
	svc := &model.Service{TypeName: typeName}
	defer b.enterFolder(folder)()
	if folder != nil {
		svc.Name = folder.Name
		svc.ItemID = folder.ID
		svc.Doc = b.markdown(folder.Description)
	}
	// Client has the field cfg and the method send; services have client.
	members := naming.NewScope("cfg", "send", "client")
	if folder == nil && hasRequests(items) {
		// Named before any folder's interface, so that a folder called
		// "Client" yields "ClientAPI" to the root.
		svc.Interface = b.pkg.Unique("ClientAPI")
	}
	// Sub-folders first, so that a request named like a folder yields.
	type pending struct {
		item  *load.Item
		field string
	}
	var subs []pending
	for _, it := range items {
		if it.IsFolder {
			subs = append(subs, pending{it, members.Unique(naming.Exported(naming.StripTags(it.Name), "Folder"))})
		}
	}
	for _, it := range items {
		if it.IsFolder {
			continue
		}
		op := b.buildOperation(it, chain, members)
		if op != nil {
			svc.Ops = append(svc.Ops, op)
		}
	}
	for _, op := range svc.Ops {
		if op.Pages == nil {
			continue
		}
		pagination.Name(op, members)
		where := strings.Join(op.Path, " › ")
		b.api.Stats.Paged = append(b.api.Stats.Paged, model.PagedOp{Where: where, Method: op.Selector(), Style: op.Pages.Style})
	}
	if folder == nil {
		// Before the folders' files are named, so that a folder called
		// like a part yields to it.
		svc.Parts = b.partStems("operations", len(svc.Ops))
	}
	for _, p := range subs {
		stem := typeName
		if len(stem) > len("Service") {
			stem = stem[:len(stem)-len("Service")]
		}
		subType := b.pkg.Unique(stem + p.field + "Service")
		subInterface := b.pkg.Unique(stem + p.field + "API")
		sub := b.buildService(p.item, append(append([]string(nil), chain...), p.field), p.item.Items, subType)
		sub.Field = p.field
		sub.Interface = subInterface
		if folder == nil {
			sub.File = b.fileStem(p.field)
			sub.Parts = b.partStems(sub.File, countOps(sub))
		}
		svc.Services = append(svc.Services, sub)
	}
	return svc
}

// partStems names the further files of a service whose first file is
// stem and which has n operations (see model.Service.Parts), reserving
// each with its _test file.
func (b *builder) partStems(stem string, n int) []string {
	var parts []string
	for i := 2; i <= model.FileCount(n); i++ {
		base := stem + "_part" + strconv.Itoa(i)
		part := base
		for k := 2; b.files.Taken(part) || b.files.Taken(part+"_test"); k++ {
			part = base + "_" + strconv.Itoa(k)
		}
		b.files.Unique(part)
		b.files.Unique(part + "_test")
		parts = append(parts, part)
	}
	return parts
}

// countOps is the number of operations of svc and its sub-services.
func countOps(svc *model.Service) int {
	n := len(svc.Ops)
	for _, sub := range svc.Services {
		n += countOps(sub)
	}
	return n
}

// hasRequests reports whether items holds a request, not only folders.
func hasRequests(items []*load.Item) bool {
	for _, it := range items {
		if !it.IsFolder {
			return true
		}
	}
	return false
}

// fileStem names the file of a top-level service. The go command reads
// meaning into file names (x_test.go, x_windows.go, x_arm64.go), so a stem
// that would carry such a suffix gets "_service"; the service's own
// _test file name is reserved with it.
func (b *builder) fileStem(field string) string {
	stem := naming.Snake(field)
	parts := strings.Split(stem, "_")
	if last := parts[len(parts)-1]; len(parts) > 1 && (last == "test" || goBuildSuffix(last)) {
		stem += "_service"
	}
	base := stem
	for n := 2; b.files.Taken(stem) || b.files.Taken(stem+"_test"); n++ {
		stem = base + strconv.Itoa(n)
	}
	b.files.Unique(stem)
	b.files.Unique(stem + "_test")
	return stem
}

// goBuildSuffix reports whether s is a GOOS or GOARCH, which as the last
// part of a file name restricts the file to that platform.
func goBuildSuffix(s string) bool {
	switch s {
	case "aix", "android", "darwin", "dragonfly", "freebsd", "hurd", "illumos", "ios", "js", "linux",
		"nacl", "netbsd", "openbsd", "plan9", "solaris", "wasip1", "windows", "zos",
		"386", "amd64", "amd64p32", "arm", "armbe", "arm64", "arm64be", "loong64", "mips", "mipsle",
		"mips64", "mips64le", "mips64p32", "mips64p32le", "ppc", "ppc64", "ppc64le", "riscv", "riscv64",
		"s390", "s390x", "sparc", "sparc64", "wasm":
		return true
	}
	return false
}
