package conformance

import (
	"io"
	"net"
	"net/http"
	"strconv"
	"strings"
	"sync"
)

// request is one request as the recorder received it.
type request struct {
	seq    int
	item   int // the item the driver announced before it (-1 for newman)
	method string
	// path and rawQuery are as sent, before any decoding.
	path, rawQuery string
	header         http.Header
	body           []byte
}

// recorder is the loopback server both newman and the generated client
// send to. It answers every request with 200 and an empty JSON object, and
// tells newman which request it was in the X-Pmgen-Seq header. The driver
// announces each item at /__pmgen/item?i=N before calling its method.
type recorder struct {
	srv  *http.Server
	ln   net.Listener
	port int

	mu      sync.Mutex
	log     []*request
	item    int
	escaped []string
	// tokens are the token requests served (grant_test.go).
	tokens []string
}

// seqHeader carries the sequence number of a recorded request back to
// newman, whose JSON report then ties it to the item.
const seqHeader = "X-Pmgen-Seq"

func startRecorder() (*recorder, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	r := &recorder{ln: ln, port: ln.Addr().(*net.TCPAddr).Port, item: -1}
	r.srv = &http.Server{Handler: r}
	go r.srv.Serve(ln)
	return r, nil
}

func (r *recorder) close() { r.srv.Close() }

func (r *recorder) url() string { return "http://127.0.0.1:" + strconv.Itoa(r.port) }

func (r *recorder) ServeHTTP(w http.ResponseWriter, req *http.Request) {
	body, _ := io.ReadAll(req.Body)
	// A proxied request (absolute URI, CONNECT) was on its way out of
	// 127.0.0.1: newman and the driver run with this server as their
	// proxy, so that nothing that escaped the rewriting leaves the machine.
	if req.URL.IsAbs() && req.URL.Host == req.Host && req.Host == "127.0.0.1:"+strconv.Itoa(r.port) {
		// Sent to this server through the proxy setting: still loopback.
		req.RequestURI = strings.TrimPrefix(req.RequestURI, "http://"+req.Host)
	} else if req.Method == http.MethodConnect || req.URL.IsAbs() {
		r.mu.Lock()
		r.escaped = append(r.escaped, req.Method+" "+req.RequestURI)
		r.mu.Unlock()
		http.Error(w, "pmgen conformance: refused, the request would leave 127.0.0.1", http.StatusForbidden)
		return
	}
	if req.URL.Path == tokenPath {
		r.serveToken(w, req)
		return
	}
	if req.URL.Path == "/__pmgen/item" {
		n, _ := strconv.Atoi(req.URL.Query().Get("i"))
		r.mu.Lock()
		r.item = n
		r.mu.Unlock()
		return
	}
	path, query := req.RequestURI, ""
	for i := 0; i < len(path); i++ {
		if path[i] == '?' {
			path, query = path[:i], path[i+1:]
			break
		}
	}
	r.mu.Lock()
	rec := &request{seq: len(r.log), item: r.item, method: req.Method, path: path, rawQuery: query, header: req.Header.Clone(), body: body}
	r.log = append(r.log, rec)
	r.mu.Unlock()
	w.Header().Set(seqHeader, strconv.Itoa(rec.seq))
	w.Header().Set("Content-Type", "application/json")
	io.WriteString(w, "{}")
}

// take returns the log so far and starts a new one.
func (r *recorder) take() []*request {
	r.mu.Lock()
	defer r.mu.Unlock()
	log := r.log
	r.log, r.item = nil, -1
	return log
}
