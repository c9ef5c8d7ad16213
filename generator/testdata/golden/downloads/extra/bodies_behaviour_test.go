package downloads

// These tests are written by hand, not generated: the compile-and-run test
// of the golden cases copies them beside the generated package of the
// "downloads" case, so that every way a 2xx body reaches the caller is
// tried against a live httptest server.

import (
	"bytes"
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"runtime"
	"strings"
	"testing"
	"time"
)

// downloadSize is the size of the served download: far more than the test
// lets the heap grow by while reading it.
const downloadSize = 100 << 20

// serve starts a server that answers with handle and a client for it.
func serve(t *testing.T, handle http.HandlerFunc, opts ...Option) *Client {
	t.Helper()
	srv := httptest.NewServer(handle)
	t.Cleanup(srv.Close)
	c, err := New(append([]Option{WithBaseURL(srv.URL)}, opts...)...)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// TestDownloadIsStreamed reads a 100 MB download through the generated
// method and checks that the heap never held more than a small part of it:
// the method hands the body over unread. The cap on bodies read into
// memory, set far below, does not apply to a stream, nor does the call's
// timeout end while the body is being read.
func TestDownloadIsStreamed(t *testing.T) {
	chunk := bytes.Repeat([]byte("%PDF"), 8<<10)
	c := serve(t, func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/reports/42/export" || r.Header.Get("Accept") != "application/pdf" {
			t.Errorf("request %s with Accept %q", r.URL.Path, r.Header.Get("Accept"))
		}
		w.Header().Set("Content-Type", "application/pdf")
		for sent := 0; sent < downloadSize; sent += len(chunk) {
			if _, err := w.Write(chunk); err != nil {
				return
			}
		}
	}, WithMaxBodySize(1024), WithTimeout(time.Minute))

	runtime.GC()
	var before, now runtime.MemStats
	runtime.ReadMemStats(&before)
	body, resp, err := c.ExportReport(context.Background(), "42", nil)
	if err != nil {
		t.Fatal(err)
	}
	if resp.Body != nil {
		t.Errorf("Response.Body holds %d bytes of a streamed download", len(resp.Body))
	}
	var total, peak uint64
	buf := make([]byte, 64<<10)
	for {
		n, err := body.Read(buf)
		total += uint64(n)
		if total%(8<<20) < uint64(n) {
			runtime.ReadMemStats(&now)
			peak = max(peak, now.HeapInuse)
		}
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("after %d bytes: %v", total, err)
		}
	}
	if err := body.Close(); err != nil {
		t.Fatal(err)
	}
	if total != downloadSize {
		t.Fatalf("read %d bytes, want %d", total, downloadSize)
	}
	if grew := int64(peak) - int64(before.HeapInuse); grew > 16<<20 {
		t.Fatalf("heap in use grew by %d MB while reading a %d MB download", grew>>20, downloadSize>>20)
	}
	t.Logf("read %d MB; heap in use peaked %d KB above where it started", total>>20, (int64(peak)-int64(before.HeapInuse))>>10)
}

// TestDownloadErrorStatus: a download that fails is an *APIError, with no
// stream to close.
func TestDownloadErrorStatus(t *testing.T) {
	c := serve(t, func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "no such invoice", http.StatusNotFound)
	})
	body, resp, err := c.DownloadInvoice(context.Background(), "in_2")
	var apiErr *APIError
	if body != nil || resp == nil || !errors.As(err, &apiErr) || !strings.Contains(string(apiErr.Body), "no such invoice") {
		t.Fatalf("body %v, resp %v, err %v; want no body and an *APIError with the 404's text", body, resp, err)
	}
}

// TestUntypedBodyDecodes: a request whose collection saves no example
// returns the body in Response.Body, for Response.Decode, and
// WithResponseInto gives a response whose body can still be read.
func TestUntypedBodyDecodes(t *testing.T) {
	const answer = `{"available":[{"amount":1234,"currency":"usd"}],"livemode":false}`
	c := serve(t, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		io.WriteString(w, answer)
	})
	var raw *http.Response
	resp, err := c.GetBalance(context.Background(), nil, WithResponseInto(&raw))
	if err != nil {
		t.Fatal(err)
	}
	var balance struct {
		Available []struct {
			Amount   int64  `json:"amount"`
			Currency string `json:"currency"`
		} `json:"available"`
	}
	if err := resp.Decode(&balance); err != nil {
		t.Fatal(err)
	}
	if len(balance.Available) != 1 || balance.Available[0].Amount != 1234 || balance.Available[0].Currency != "usd" {
		t.Fatalf("decoded %+v", balance)
	}
	again, err := io.ReadAll(raw.Body)
	if err != nil || string(again) != answer {
		t.Fatalf("WithResponseInto's body read %q, %v; want the answer again", again, err)
	}
	if err := raw.Body.Close(); err != nil {
		t.Fatal(err)
	}
}

// TestMaxBodySize: a 2xx body over the cap fails the call, saying which
// option raises it; one at the cap is read whole.
func TestMaxBodySize(t *testing.T) {
	const answer = `{"livemode":false}`
	c := serve(t, func(w http.ResponseWriter, r *http.Request) { io.WriteString(w, answer) })
	if _, err := c.GetBalance(context.Background(), nil, WithMaxBodySize(int64(len(answer)-1))); err == nil || !strings.Contains(err.Error(), "WithMaxBodySize") {
		t.Fatalf("err = %v, want one naming WithMaxBodySize", err)
	}
	resp, err := c.GetBalance(context.Background(), nil, WithMaxBodySize(int64(len(answer))))
	if err != nil || string(resp.Body) != answer {
		t.Fatalf("at the cap: body %q, err %v; want the whole body", resp.Body, err)
	}
}
