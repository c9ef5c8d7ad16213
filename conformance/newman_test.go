package conformance

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// processTimeout bounds one driver run; the slowest collection takes
// under 10 s.
const processTimeout = 90 * time.Second

// newmanAttempts is how often newman is started on one collection before
// the harness gives up on it. newman stalls now and then without sending
// anything (seen on bruno__binary-body-mode twice in a row in one CI run,
// and on others before; never reproduced alone, 4 of 4 runs passed in
// about 1 s): a stalled run is killed and started again.
const newmanAttempts = 4

// newmanTimeout bounds one newman run on a rewritten collection of size
// bytes: 30 s, and 30 s more per MB (Stripe, 3.6 MB, took 27 s on a loaded
// machine), at most 150 s. Small collections, which take a second or two,
// are thus killed and retried soon after a stall rather than after
// minutes.
func newmanTimeout(size int) time.Duration {
	return min(30*time.Second+time.Duration(size)*30*time.Second/(1<<20), 150*time.Second)
}

// installNewman runs `npm ci` on the committed package.json and
// package-lock.json into a cache folder named after the lock file's hash,
// once, and returns the path of the newman command.
func installNewman() (string, error) {
	lock, err := os.ReadFile("package-lock.json")
	if err != nil {
		return "", err
	}
	pkg, err := os.ReadFile("package.json")
	if err != nil {
		return "", err
	}
	sum := sha256.Sum256(append(pkg, lock...))
	base, err := os.UserCacheDir()
	if err != nil {
		base = os.TempDir()
	}
	dir := filepath.Join(base, "pmgen-conformance", hex.EncodeToString(sum[:8]))
	bin := filepath.Join(dir, "node_modules", ".bin", "newman")
	stamp := filepath.Join(dir, ".installed")
	if _, err := os.Stat(stamp); err == nil {
		return bin, nil
	}
	// Install into a fresh folder beside it and rename, so that a run
	// interrupted half-way never leaves a broken cache.
	if err := os.MkdirAll(filepath.Dir(dir), 0o755); err != nil {
		return "", err
	}
	tmp, err := os.MkdirTemp(filepath.Dir(dir), "install-")
	if err != nil {
		return "", err
	}
	defer os.RemoveAll(tmp)
	for name, data := range map[string][]byte{"package.json": pkg, "package-lock.json": lock} {
		if err := os.WriteFile(filepath.Join(tmp, name), data, 0o644); err != nil {
			return "", err
		}
	}
	cmd := exec.Command("npm", "ci", "--no-audit", "--no-fund", "--loglevel=error")
	cmd.Dir = tmp
	if out, err := cmd.CombinedOutput(); err != nil {
		return "", fmt.Errorf("npm ci: %v\n%s", err, out)
	}
	if err := os.WriteFile(filepath.Join(tmp, ".installed"), nil, 0o644); err != nil {
		return "", err
	}
	os.RemoveAll(dir)
	if err := os.Rename(tmp, dir); err != nil {
		return "", err
	}
	return bin, nil
}

// newmanRun is what newman's JSON report says of one run: for each item
// index, the recorder's sequence number of the request it sent, or the
// error that kept it from sending.
type newmanRun struct {
	seq    map[int]int
	errors map[int]string
}

// runNewman runs newman on the rewritten collection in dir.
func runNewman(newman, dir string, col *collection, rec *recorder) (*newmanRun, error) {
	files := map[string]string{}
	localFiles(col.root["item"], files)
	data, err := col.newmanJSON(rec.port)
	if err != nil {
		return nil, err
	}
	if err := os.MkdirAll(filepath.Join(dir, "files"), 0o755); err != nil {
		return nil, err
	}
	for name, content := range files {
		if err := os.WriteFile(filepath.Join(dir, "files", name), []byte(content), 0o644); err != nil {
			return nil, err
		}
	}
	colFile := filepath.Join(dir, "newman.postman_collection.json")
	report := filepath.Join(dir, "newman-report.json")
	if err := os.WriteFile(colFile, data, 0o644); err != nil {
		return nil, err
	}
	args := []string{"run", colFile,
		"--reporters", "json", "--reporter-json-export", report,
		"--ignore-redirects", "--insecure", "--suppress-exit-code", "--working-dir", dir,
		"--timeout-request", "10000", "--disable-unicode"}
	for _, k := range col.envVars {
		args = append(args, "--env-var", k+"="+col.vars[k])
	}
	// Another attempt after a stall is safe: items are matched through the
	// sequence numbers of the report newman writes, so requests a killed
	// run may have sent are never looked at.
	timeout := newmanTimeout(len(data))
	out, err := runNewmanOnce(newman, dir, report, args, rec, timeout)
	for i := 1; i < newmanAttempts && errors.Is(err, context.DeadlineExceeded); i++ {
		out, err = runNewmanOnce(newman, dir, report, args, rec, timeout)
	}
	if err != nil {
		return nil, fmt.Errorf("newman: %v\n%s", err, out)
	}
	raw, err := os.ReadFile(report)
	if err != nil {
		return nil, fmt.Errorf("newman wrote no report: %v\n%s", err, out)
	}
	var rep struct {
		Run struct {
			Executions []struct {
				Item struct {
					ID string `json:"id"`
				} `json:"item"`
				Response *struct {
					Header []struct{ Key, Value string } `json:"header"`
				} `json:"response"`
				RequestError *struct {
					Message string `json:"message"`
				} `json:"requestError"`
			} `json:"executions"`
		} `json:"run"`
	}
	if err := json.Unmarshal(raw, &rep); err != nil {
		return nil, fmt.Errorf("newman report: %v", err)
	}
	run := &newmanRun{seq: map[int]int{}, errors: map[int]string{}}
	for _, e := range rep.Run.Executions {
		n, err := strconv.Atoi(strings.TrimPrefix(e.Item.ID, "pmgen-"))
		if err != nil {
			continue
		}
		if e.RequestError != nil {
			run.errors[n] = e.RequestError.Message
		}
		if e.Response == nil {
			continue
		}
		for _, h := range e.Response.Header {
			if strings.EqualFold(h.Key, seqHeader) {
				if s, err := strconv.Atoi(h.Value); err == nil {
					run.seq[n] = s
				}
			}
		}
	}
	return run, nil
}

// runNewmanOnce runs newman with args, killing it after timeout; the
// error wraps context.DeadlineExceeded when it was killed.
func runNewmanOnce(newman, dir, report string, args []string, rec *recorder, timeout time.Duration) ([]byte, error) {
	os.Remove(report)
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, newman, args...)
	cmd.WaitDelay = time.Second
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), proxyEnv(rec)...)
	out, err := cmd.CombinedOutput()
	if err != nil && ctx.Err() != nil {
		return out, fmt.Errorf("%w after %s: %v", ctx.Err(), timeout, err)
	}
	return out, err
}

// proxyEnv makes the recorder the proxy of everything not sent to
// 127.0.0.1, so that a request that escaped the rewriting is refused and
// reported instead of leaving the machine.
func proxyEnv(rec *recorder) []string {
	p := rec.url()
	return []string{"HTTP_PROXY=" + p, "HTTPS_PROXY=" + p, "http_proxy=" + p, "https_proxy=" + p,
		"NO_PROXY=127.0.0.1", "no_proxy=127.0.0.1", "ALL_PROXY=" + p}
}
