package pmruntime

import (
	"bytes"
	"context"
	"errors"
	"io"
	"net/http"
	"strings"
	"testing"
	"testing/iotest"
	"time"
)

// The tests below check how a 2xx body reaches the caller: in
// Response.Body, decoded by Response.Decode, again through
// WithResponseInto, capped by WithMaxBodySize, or streamed unread.

// TestReadUpTo: every byte up to the limit, in reads of any size, and a
// reader's error passed on.
func TestReadUpTo(t *testing.T) {
	long := strings.Repeat("0123456789", 200) // past the first buffer
	cases := []struct {
		name  string
		src   string
		limit int64
		want  string
	}{
		{"no limit", long, -1, long},
		{"empty", "", -1, ""},
		{"limit zero", long, 0, ""},
		{"under the limit", "abc", 10, "abc"},
		{"at the limit", "abcdefghij", 10, "abcdefghij"},
		{"over the limit", long, 600, long[:600]},
		{"limit past the first buffer", long, 1500, long[:1500]},
	}
	for _, tc := range cases {
		for _, r := range []struct {
			name string
			wrap func(io.Reader) io.Reader
		}{{"whole", func(r io.Reader) io.Reader { return r }}, {"one byte", iotest.OneByteReader}, {"data with EOF", iotest.DataErrReader}} {
			t.Run(tc.name+"/"+r.name, func(t *testing.T) {
				got, err := readUpTo(r.wrap(strings.NewReader(tc.src)), tc.limit)
				if err != nil || string(got) != tc.want {
					t.Fatalf("read %d bytes, err %v; want %d bytes", len(got), err, len(tc.want))
				}
			})
		}
	}
	boom := errors.New("boom")
	if _, err := readUpTo(iotest.ErrReader(boom), -1); !errors.Is(err, boom) {
		t.Fatalf("err = %v, want the reader's", err)
	}
}

// TestBodyLimit: the default cap, a caller's cap and no cap.
func TestBodyLimit(t *testing.T) {
	for _, tc := range []struct{ set, want int64 }{{0, defaultMaxBodySize + 1}, {10, 11}, {-1, -1}} {
		c := config{maxBodySize: tc.set}
		if got := c.bodyLimit(); got != tc.want {
			t.Errorf("maxBodySize %d: bodyLimit %d, want %d", tc.set, got, tc.want)
		}
	}
}

// TestUntypedBodyIsKept: a method without a typed result still hands the
// caller the 2xx body, and Decode reads it as JSON.
func TestUntypedBodyIsKept(t *testing.T) {
	const answer = `{"code":7,"message":"refreshed"}`
	rg := newRig(t, func(n int, w http.ResponseWriter, r *http.Request) { reply(w, http.StatusOK, answer) })
	resp, err := rg.client().refresh(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if string(resp.Body) != answer {
		t.Fatalf("Body = %q, want %q", resp.Body, answer)
	}
	var got unauthorized
	if err := resp.Decode(&got); err != nil || got.Code != 7 || got.Message != "refreshed" {
		t.Fatalf("Decode: %+v, %v", got, err)
	}
}

// TestDecodeErrors: nothing to decode, and a body that is not JSON, are
// errors that say so.
func TestDecodeErrors(t *testing.T) {
	var v map[string]any
	for _, tc := range []struct{ body, want string }{{"", "empty body"}, {" \n", "empty body"}, {"<html>", `decoding 200 response (Content-Type "text/html")`}} {
		r := &Response{StatusCode: 200, Header: http.Header{"Content-Type": {"text/html"}}, Body: []byte(tc.body)}
		if err := r.Decode(&v); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("body %q: err = %v, want one containing %q", tc.body, err, tc.want)
		}
	}
}

// TestTypedResultKeepsBody: beside a typed result, Body has the bytes it
// was decoded from.
func TestTypedResultKeepsBody(t *testing.T) {
	const answer = `{"result":"Successfully logged out","extra":1}`
	rg := newRig(t, func(n int, w http.ResponseWriter, r *http.Request) { reply(w, http.StatusOK, answer) })
	got, resp, err := rg.client().logOut(context.Background())
	if err != nil || got.Result != "Successfully logged out" || string(resp.Body) != answer {
		t.Fatalf("result %+v, Body %q, err %v", got, resp.Body, err)
	}
}

// TestResponseIntoIsReadable: the response WithResponseInto stores reads
// the body the call read, of a 2xx and of an error status.
func TestResponseIntoIsReadable(t *testing.T) {
	for _, status := range []int{http.StatusOK, http.StatusNotFound} {
		const answer = `{"result":"x"}`
		rg := newRig(t, func(n int, w http.ResponseWriter, r *http.Request) { reply(w, status, answer) })
		var raw *http.Response
		rg.client().logOut(context.Background(), WithResponseInto(&raw))
		if raw == nil {
			t.Fatalf("%d: no response stored", status)
		}
		got, err := io.ReadAll(raw.Body)
		if err != nil || string(got) != answer {
			t.Errorf("%d: stored body read %q, %v; want %q", status, got, err, answer)
		}
	}
}

// TestMaxBodySizeOption: a body over the cap fails the call naming the
// option; no cap reads any size.
func TestMaxBodySizeOption(t *testing.T) {
	answer := `{"result":"` + strings.Repeat("x", 4000) + `"}`
	rg := newRig(t, func(n int, w http.ResponseWriter, r *http.Request) { reply(w, http.StatusOK, answer) })
	_, resp, err := rg.client(WithMaxBodySize(100)).logOut(context.Background())
	if err == nil || !strings.Contains(err.Error(), "longer than 100 bytes") || !strings.Contains(err.Error(), "WithMaxBodySize") {
		t.Fatalf("err = %v, want one saying the body passed the cap of 100 bytes", err)
	}
	if resp == nil || resp.StatusCode != http.StatusOK {
		t.Errorf("Response = %+v, want the 200's status beside the error", resp)
	}
	if got, _, err := rg.client(WithMaxBodySize(100)).logOut(context.Background(), WithMaxBodySize(-1)); err != nil || len(got.Result) != 4000 {
		t.Fatalf("no cap: err %v", err)
	}
}

// TestStreamOutlivesSend: a streamed body is read after the method
// returned, within the call's timeout, which the body's Close ends; a
// stalled stream still ends at the timeout.
func TestStreamOutlivesSend(t *testing.T) {
	rg := newRig(t, func(n int, w http.ResponseWriter, r *http.Request) {
		io.WriteString(w, "first ")
		w.(http.Flusher).Flush()
		pause := 30 * time.Millisecond
		if n == 2 {
			pause = time.Second
		}
		select {
		case <-time.After(pause):
		case <-r.Context().Done():
			return
		}
		io.WriteString(w, "second")
	})
	body, resp, err := rg.client(WithTimeout(10*time.Second), WithMaxBodySize(1)).download(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if resp.Body != nil {
		t.Errorf("Response.Body = %q for a stream", resp.Body)
	}
	got, err := io.ReadAll(body)
	if err != nil || string(got) != "first second" {
		t.Fatalf("read %q, %v", got, err)
	}
	if err := body.Close(); err != nil {
		t.Fatal(err)
	}

	body, _, err = rg.client(WithTimeout(100 * time.Millisecond)).download(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	defer body.Close()
	if _, err := io.ReadAll(body); !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("stalled stream: err = %v, want the timeout's", err)
	}
}

// TestStreamErrorStatus: a failed download is an *APIError with its body
// read and closed (newRig checks), and no stream.
func TestStreamErrorStatus(t *testing.T) {
	rg := newRig(t, func(n int, w http.ResponseWriter, r *http.Request) { reply(w, http.StatusForbidden, `{"code":403}`) })
	body, _, err := rg.client().download(context.Background())
	var apiErr *APIError
	if body != nil || !errors.As(err, &apiErr) || !bytes.Contains(apiErr.Body, []byte("403")) {
		t.Fatalf("body %v, err %v; want no stream and an *APIError", body, err)
	}
}
