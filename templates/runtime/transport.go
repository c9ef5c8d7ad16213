package pmruntime

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"unicode/utf8"
)

// Response is the status, headers and raw body of the response to a call.
// Methods return it beside the decoded body, alone when the collection
// gives the body no type, and beside the error whenever a response arrived
// (an *APIError, a body that did not decode).
type Response struct {
	StatusCode int
	Header     http.Header
	// Body is the raw 2xx body, as read: the same bytes a typed result was
	// decoded from, not a copy. A method whose collection saves no example
	// of the body returns only the Response; decode Body with Decode. Body
	// is nil for an error status (see APIError.Body) and for a streamed
	// download, which the method returns as an io.ReadCloser.
	Body []byte
}

// Decode decodes the JSON body into v, a pointer to the caller's type.
// An empty body is an error: there is nothing to decode.
func (r *Response) Decode(v any) error {
	if len(bytes.TrimSpace(r.Body)) == 0 {
		return fmt.Errorf(packageName+": %d response has an empty body, nothing to decode", r.StatusCode)
	}
	if err := json.Unmarshal(r.Body, v); err != nil {
		return fmt.Errorf(packageName+": decoding %d response (Content-Type %q): %w", r.StatusCode, r.Header.Get("Content-Type"), err)
	}
	return nil
}

// APIError is returned for a response whose status is not 2xx. Use
// errors.As to reach it, for the status, the headers and the raw body. It
// keeps at most 1 MiB of the body (see Body).
//
// For a status the collection saves examples of, the body is also decoded
// into its own type, which implements error; APIError unwraps to it, so
// errors.As reaches the typed body directly, with a pointer to the type
// that the method's documentation names for that status.
type APIError struct {
	// Method and URL identify the request that failed.
	Method     string
	URL        string
	StatusCode int
	Header     http.Header
	// Body is the raw response body, at most its first 1 MiB: an error
	// body is for diagnosis, and one without end must not exhaust memory.
	Body []byte
	// Truncated is set when the body was longer than 1 MiB and Body holds
	// only its start.
	Truncated bool
	// Value is Body decoded into the type inferred from the collection's
	// examples of this status for the request, as a pointer to it (the
	// method's documentation names the types); nil
	// when the status has no example or the body did not decode. Unwrap
	// returns it when it is an error, as every typed object body is.
	Value any
}

// Unwrap returns the typed body when it implements error, so that
// errors.As reaches it through the *APIError; nil otherwise.
func (e *APIError) Unwrap() error {
	if err, ok := e.Value.(error); ok {
		return err
	}
	return nil
}

// maxErrorBody caps how much of a non-2xx response body APIError keeps.
const maxErrorBody = 1 << 20

// Error reports the method, URL, status and the start of the body.
func (e *APIError) Error() string {
	body := string(e.Body)
	if len(body) > 200 {
		// Cut at a character boundary, so the message stays valid UTF-8.
		n := 200
		for n > 0 && !utf8.RuneStart(body[n]) {
			n--
		}
		body = body[:n] + "…"
	}
	return fmt.Sprintf(packageName+": %s %s: %d %s: %s", e.Method, e.URL, e.StatusCode, http.StatusText(e.StatusCode), body)
}

// request is one call being assembled by a method. Query and header
// entries are ordered pairs, so that they go out in the collection's order
// and with the header names spelled as the collection spells them.
type request struct {
	method      string
	url         string
	query       []queryPair
	header      [][2]string
	body        []byte
	contentType string
	// stream leaves a 2xx body unread for the caller: a download, returned
	// as an io.ReadCloser rather than held in memory.
	stream bool
	// verbatim sends the saved query text as written, without
	// percent-encoding: the collection sets disableUrlEncoding.
	verbatim bool
	// emptyOK accepts an empty 2xx body where a typed one is expected:
	// the collection has an example of the API answering so.
	emptyOK bool
	auth    authScheme // nil: the request sends no auth

	// queryBuf backs query until it outgrows it: most requests have a few
	// query entries, which then come in the request's one allocation rather
	// than in a slice grown per append.
	queryBuf [4]queryPair

	// headerBuf backs header in the same way.
	headerBuf [4][2]string
}

// addHeader appends a header, starting in the request's own array.
func (r *request) addHeader(key, value string) {
	if r.header == nil {
		r.header = r.headerBuf[:0]
	}
	r.header = append(r.header, [2]string{key, value})
}

// send performs r with cfg. A 2xx body is decoded into out: JSON into a
// pointer, copied into a *[]byte, or, for a streamed request, handed over
// unread as an *io.ReadCloser; out may be nil, and the body is in the
// Response either way. Any other status gives
// an *APIError whose Value is the typed body errValue returns for it;
// errValue is nil for a request without typed error bodies.
func (c *Client) send(ctx context.Context, cfg config, r *request, out any, errValue func(int) any) (*Response, error) {
	target := encodeQuery(r.url, r.query, r.verbatim)
	// cancel ends the call's timeout when send returns, unless a streamed
	// body takes it over, to end it when the caller closes the body.
	var cancel context.CancelFunc
	if cfg.timeout > 0 {
		ctx, cancel = context.WithTimeout(ctx, cfg.timeout)
		defer func() {
			if cancel != nil {
				cancel()
			}
		}()
	}
	resp, data, err := cfg.do(ctx, r, target)
	if resp == nil {
		return nil, &sendError{method: r.method, url: target, err: err}
	}
	streamed := r.stream && err == nil && resp.StatusCode >= 200 && resp.StatusCode <= 299
	if streamed && cancel != nil {
		resp.Body = &cancelOnClose{ReadCloser: resp.Body, cancel: cancel}
		cancel = nil
	}
	if cfg.responseInto != nil {
		if !streamed {
			// The body was read and closed; the caller may read it again.
			resp.Body = io.NopCloser(bytes.NewReader(data))
		}
		*cfg.responseInto = resp
	}
	meta := &Response{
		Header:     resp.Header,
		StatusCode: resp.StatusCode,
	}
	if err != nil {
		return meta, fmt.Errorf(packageName+": %s %s: %w", r.method, target, err)
	}
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		apiErr := &APIError{
			Body:       data,
			Header:     resp.Header,
			Method:     r.method,
			StatusCode: resp.StatusCode,
			URL:        target,
		}
		if len(data) > maxErrorBody {
			apiErr.Body, apiErr.Truncated = data[:maxErrorBody], true
		}
		// A cut body would not decode; Value stays nil rather than half-filled.
		if errValue != nil && !apiErr.Truncated {
			if v := errValue(resp.StatusCode); v != nil && json.Unmarshal(data, v) == nil {
				apiErr.Value = v
			}
		}
		return meta, apiErr
	}
	meta.Body = data
	switch dst := out.(type) {
	case nil:
	case *io.ReadCloser:
		*dst = resp.Body
	case *[]byte:
		*dst = data
	default:
		if len(bytes.TrimSpace(data)) == 0 {
			// No content is an answer where HTTP says there is none, or the
			// collection shows the API giving it.
			if r.emptyOK || resp.StatusCode == http.StatusNoContent || resp.StatusCode == http.StatusResetContent || r.method == http.MethodHead {
				break
			}
			return meta, fmt.Errorf(packageName+": %s %s: %d response has an empty body, where one was expected", r.method, target, resp.StatusCode)
		}
		if err := json.Unmarshal(data, dst); err != nil {
			return meta, fmt.Errorf(packageName+": %s %s: decoding %d response (Content-Type %q): %w", r.method, target, resp.StatusCode, resp.Header.Get("Content-Type"), err)
		}
	}
	return meta, nil
}

// sendError is the error of a call that got no response: the method and
// URL, then why. The *url.Error that http.Client returns names the method
// and URL too ("Post \"https://…\": dial tcp …"), so the message gives
// only its cause, to say each thing once; the error still unwraps to it,
// for errors.As and errors.Is.
type sendError struct {
	method, url string
	err         error
}

func (e *sendError) Error() string {
	msg := e.err.Error()
	var ue *url.Error
	if errors.As(e.err, &ue) {
		msg = strings.Replace(msg, ue.Error(), ue.Err.Error(), 1)
	}
	return packageName + ": " + e.method + " " + e.url + ": " + msg
}

func (e *sendError) Unwrap() error { return e.err }

// cancelOnClose is a streamed body whose call has a timeout: closing it
// ends the timeout's context, which send could not end on returning.
type cancelOnClose struct {
	io.ReadCloser
	cancel context.CancelFunc
}

func (b *cancelOnClose) Close() error {
	err := b.ReadCloser.Close()
	b.cancel()
	return err
}
