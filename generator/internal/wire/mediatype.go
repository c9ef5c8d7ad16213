package wire

import (
	"path"
	"strings"
)

// MediaType is the media type Postman gives a file part, judged by the
// extension of the file the collection names (mime-db's entries for the
// common ones); "" when the extension is not among them, and the client
// then sends application/octet-stream as Postman does. A table rather than
// mime.TypeByExtension: that one reads the machine's mime.types, and
// generated code must not depend on where pmgen ran.
func MediaType(src string) string {
	switch strings.ToLower(strings.TrimPrefix(path.Ext(strings.ReplaceAll(src, "\\", "/")), ".")) {
	case "csv":
		return "text/csv"
	case "txt", "text", "log":
		return "text/plain"
	case "htm", "html":
		return "text/html"
	case "css":
		return "text/css"
	case "md", "markdown":
		return "text/markdown"
	case "yaml", "yml":
		return "text/yaml"
	case "json":
		return "application/json"
	case "xml":
		return "application/xml"
	case "pdf":
		return "application/pdf"
	case "zip":
		return "application/zip"
	case "gz":
		return "application/gzip"
	case "js":
		return "application/javascript"
	case "doc":
		return "application/msword"
	case "docx":
		return "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
	case "xls":
		return "application/vnd.ms-excel"
	case "xlsx":
		return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
	case "png":
		return "image/png"
	case "jpg", "jpeg":
		return "image/jpeg"
	case "gif":
		return "image/gif"
	case "svg":
		return "image/svg+xml"
	case "webp":
		return "image/webp"
	case "bmp":
		return "image/bmp"
	case "tif", "tiff":
		return "image/tiff"
	case "mp3":
		return "audio/mpeg"
	case "mp4":
		return "video/mp4"
	}
	return ""
}
