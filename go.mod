module github.com/pmgen/pmgen

go 1.26

require (
	github.com/aymanbagabas/go-udiff v0.4.1
	github.com/dave/jennifer v1.7.1
	github.com/google/go-cmp v0.7.0
	github.com/iancoleman/strcase v0.3.0
	github.com/rbretecher/go-postman-collection v0.9.0
	github.com/rogpeppe/go-internal v1.16.0
	github.com/yuin/goldmark v1.8.7
	go.uber.org/goleak v1.3.0
	go.yaml.in/yaml/v3 v3.0.6
	golang.org/x/sys v0.26.0
)

require golang.org/x/tools v0.26.0 // indirect

tool github.com/pmgen/pmgen/cmd/pmgen
