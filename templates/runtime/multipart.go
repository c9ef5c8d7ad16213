package pmruntime

import (
	"bytes"
	"cmp"
	"fmt"
	"io"
	"mime/multipart"
	"net/textproto"
	"strings"
)

// File is a file sent as a part of a multipart/form-data body.
type File struct {
	// Name is the file name the part carries.
	Name string
	// Content is read to the end when the call is made, so that the
	// request can be sent again (after a redirect or an auth challenge).
	Content io.Reader
	// ContentType is the part's media type; when empty, the one saved in
	// the collection, or application/octet-stream.
	ContentType string
}

// formPart is one part of a multipart body: a value, or a file.
type formPart struct {
	name, value, contentType string
	file                     *File
	// noFile is a file field for which the collection chose no file: Postman
	// sends it with an empty filename and nothing else.
	noFile bool
}

// encodeMultipart writes parts as a multipart/form-data body with a random
// boundary, and returns it with its Content-Type.
func encodeMultipart(parts []formPart) ([]byte, string, error) {
	if len(parts) == 0 {
		return nil, "", nil
	}
	var buf bytes.Buffer
	w := multipart.NewWriter(&buf)
	quote := strings.NewReplacer("\\", "\\\\", "\"", "\\\"")
	for _, p := range parts {
		disposition := "form-data; name=\"" + quote.Replace(p.name) + "\""
		contentType, content := p.contentType, []byte(p.value)
		if p.noFile {
			disposition += "; filename=\"\""
		}
		if p.file != nil {
			disposition += "; filename=\"" + quote.Replace(p.file.Name) + "\""
			contentType = cmp.Or(p.file.ContentType, contentType, "application/octet-stream")
			content = nil
			if p.file.Content != nil {
				var err error
				content, err = io.ReadAll(p.file.Content)
				if err != nil {
					return nil, "", fmt.Errorf("reading file %q of %q: %w", p.file.Name, p.name, err)
				}
			}
		}
		header := textproto.MIMEHeader{"Content-Disposition": []string{disposition}}
		if contentType != "" {
			header.Set("Content-Type", contentType)
		}
		pw, err := w.CreatePart(header)
		if err != nil {
			return nil, "", fmt.Errorf("part %q: %w", p.name, err)
		}
		if _, err := pw.Write(content); err != nil {
			return nil, "", fmt.Errorf("part %q: %w", p.name, err)
		}
	}
	if err := w.Close(); err != nil {
		return nil, "", err
	}
	return buf.Bytes(), w.FormDataContentType(), nil
}
