package emit

import (
	"strconv"
	"time"

	"github.com/dave/jennifer/jen"

	"github.com/pmgen/pmgen/generator/internal/model"
)

// The retry defaults, spelled once for the code and the docs.
const (
	defaultAttempts       = 3
	defaultInitialBackoff = 500 * time.Millisecond
	defaultMaxBackoff     = 8 * time.Second
)

// retryFile emits retry.go: RetryPolicy, WithRetry, and the decisions the
// transport asks of a policy (how many attempts, how long to wait, whether
// an outcome is worth another attempt). It is the same for every API.
func retryFile(api *model.API) *jen.File {
	f := newFile(api)
	id, lit := jen.Id, jen.Lit
	dur := func() *jen.Statement { return jen.Qual("time", "Duration") }
	p := func(name string) *jen.Statement { return id("p").Dot(name) }

	// type RetryPolicy struct { MaxAttempts int; InitialBackoff, MaxBackoff time.Duration; AllMethods bool }
	f.Add(comment("RetryPolicy says when a call is tried again and how long it waits first.\n" +
		"A zero field means its default, so RetryPolicy{AllMethods: true} is the\n" +
		"default policy extended to every method.\n" +
		"\n" +
		"A call is tried again after a connection error or a 408, 429, 502, 503 or\n" +
		"504 response. Before attempt n+1 it waits a random time between 0 and\n" +
		"InitialBackoff×2ⁿ⁻¹, at most MaxBackoff (exponential backoff with full\n" +
		"jitter), or as long as the response's Retry-After header says (seconds or\n" +
		"an HTTP date), at most 4×MaxBackoff. Only GET, HEAD, OPTIONS, PUT, DELETE\n" +
		"and TRACE are tried again unless AllMethods is set: sending another\n" +
		"method twice may do its work twice. Each attempt is built afresh from the\n" +
		"call's inputs, so the body is sent again in full and auth is signed again\n" +
		"(new timestamp and nonce). Cancelling the context ends a wait at once."))
	f.Type().Id("RetryPolicy").Struct(
		comment("MaxAttempts is the number of tries, the first included: 0 means "+strconv.Itoa(defaultAttempts)+", and 1\n(or less) turns retries off."),
		id("MaxAttempts").Int(),
		comment("InitialBackoff bounds the wait before the second attempt; the bound\ndoubles for each attempt after it. 0 means "+defaultInitialBackoff.String()+"."),
		id("InitialBackoff").Add(dur()),
		comment("MaxBackoff bounds every wait; 0 means "+defaultMaxBackoff.String()+"."),
		id("MaxBackoff").Add(dur()),
		comment("AllMethods retries every method, POST and PATCH included."),
		id("AllMethods").Bool(),
	)

	// func WithRetry(p RetryPolicy) Option { return func(c *config) { c.retry = p } }
	f.Add(comment("WithRetry sets the retry policy. Without it a call uses RetryPolicy{}: " + strconv.Itoa(defaultAttempts) + "\n" +
		"attempts, " + defaultInitialBackoff.String() + " initial backoff, " + defaultMaxBackoff.String() + " at most, idempotent methods only.\n" +
		"WithRetry(RetryPolicy{MaxAttempts: 1}) turns retries off."))
	f.Func().Id("WithRetry").Params(id("p").Id("RetryPolicy")).Id("Option").Block(
		jen.Return(jen.Func().Params(id("c").Op("*").Id("config")).Block(
			id("c").Dot("retry").Op("=").Id("p"),
		)),
	)

	// func (p RetryPolicy) attempts(method string) int
	f.Add(comment("attempts is how many times a request with method may be sent."))
	f.Func().Params(id("p").Id("RetryPolicy")).Id("attempts").Params(id("method").String()).Int().Block(
		jen.If(jen.Op("!").Add(p("AllMethods"))).Block(
			jen.Switch(id("method")).Block(
				jen.Case(lit("GET"), lit("HEAD"), lit("OPTIONS"), lit("PUT"), lit("DELETE"), lit("TRACE")),
				jen.Default().Block(jen.Return(lit(1))),
			),
		),
		jen.Switch().Block(
			jen.Case(p("MaxAttempts").Op("==").Lit(0)).Block(jen.Return(lit(defaultAttempts))),
			jen.Case(p("MaxAttempts").Op("<").Lit(1)).Block(jen.Return(lit(1))),
		),
		jen.Return(p("MaxAttempts")),
	)

	// func (p RetryPolicy) backoff(n int, resp *http.Response) time.Duration
	f.Add(comment("backoff is the wait before attempt n+1, after n failed ones: what resp's\n" +
		"Retry-After asks for, or a random time up to the exponential bound."))
	f.Func().Params(id("p").Id("RetryPolicy")).Id("backoff").Params(id("n").Int(), id("resp").Op("*").Qual(httpPkg, "Response")).Add(dur()).Block(
		id("initial").Op(",").Id("limit").Op(":=").Add(p("InitialBackoff")).Op(",").Add(p("MaxBackoff")),
		jen.If(id("initial").Op("<=").Lit(0)).Block(id("initial").Op("=").Add(durationLit(defaultInitialBackoff))),
		jen.If(id("limit").Op("<=").Lit(0)).Block(id("limit").Op("=").Add(durationLit(defaultMaxBackoff))),
		jen.If(id("resp").Op("!=").Nil()).Block(
			jen.If(jen.List(id("d"), id("ok")).Op(":=").Id("retryAfter").Call(id("resp").Dot("Header").Dot("Get").Call(lit("Retry-After")), jen.Qual("time", "Now").Call()), id("ok")).Block(
				// if d/4 > limit { return limit * 4 }; return d
				comment("The server knows best, within reason: a wait of hours is\n"+
					"not what a caller who left MaxBackoff at seconds expects.\n"+
					"(Divided, not multiplied, so that a huge MaxBackoff cannot overflow.)"),
				jen.If(id("d").Op("/").Lit(4).Op(">").Id("limit")).Block(jen.Return(id("limit").Op("*").Lit(4))),
				jen.Return(id("d")),
			),
		),
		comment("Double from initial, stopping at limit before the product can overflow."),
		id("bound").Op(":=").Min(id("initial"), id("limit")),
		jen.For(id("i").Op(":=").Lit(1), id("i").Op("<").Id("n").Op("&&").Id("bound").Op("<").Id("limit"), id("i").Op("++")).Block(
			id("bound").Op("=").Min(id("bound").Op("*").Lit(2), id("limit")),
			jen.If(id("bound").Op("<=").Lit(0)).Block(id("bound").Op("=").Id("limit")),
		),
		jen.Return(jen.Qual("math/rand/v2", "N").Call(id("bound"))),
	)

	// func retryAfter(v string, now time.Time) (time.Duration, bool)
	f.Add(comment("retryAfter reads a Retry-After value, delay-seconds or an HTTP date; ok is\nfalse when there is none or it does not parse."))
	f.Func().Id("retryAfter").Params(id("v").String(), id("now").Qual("time", "Time")).Params(dur(), jen.Bool()).Block(
		id("v").Op("=").Qual("strings", "TrimSpace").Call(id("v")),
		jen.If(id("v").Op("==").Lit("")).Block(jen.Return(lit(0), jen.False())),
		jen.If(jen.List(id("s"), jen.Err()).Op(":=").Qual("strconv", "ParseUint").Call(id("v"), lit(10), lit(32)), jen.Err().Op("==").Nil()).Block(
			jen.Return(dur().Call(id("s")).Op("*").Qual("time", "Second"), jen.True()),
		),
		jen.If(jen.List(id("t"), jen.Err()).Op(":=").Qual(httpPkg, "ParseTime").Call(id("v")), jen.Err().Op("==").Nil()).Block(
			jen.Return(jen.Max(id("t").Dot("Sub").Call(id("now")), lit(0)), jen.True()),
		),
		jen.Return(lit(0), jen.False()),
	)

	// func retryable(resp *http.Response, err error) bool
	f.Add(comment("retryable reports whether an attempt that ended with resp or err is worth\nanother: the server was busy or unreachable, not wrong."))
	f.Func().Id("retryable").Params(id("resp").Op("*").Qual(httpPkg, "Response"), jen.Err().Error()).Bool().Block(
		jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(id("connectionError").Call(jen.Err()))),
		jen.Switch(id("resp").Dot("StatusCode")).Block(
			jen.Case(
				jen.Qual(httpPkg, "StatusRequestTimeout"), jen.Qual(httpPkg, "StatusTooManyRequests"),
				jen.Qual(httpPkg, "StatusBadGateway"), jen.Qual(httpPkg, "StatusServiceUnavailable"), jen.Qual(httpPkg, "StatusGatewayTimeout"),
			).Block(jen.Return(jen.True())),
		),
		jen.Return(jen.False()),
	)

	// func connectionError(err error) bool
	f.Add(comment("connectionError reports whether err means the connection failed: it\n" +
		"could not be made, was reset, or closed before the response ended. A\n" +
		"host that does not exist, a redirect loop, a bad certificate or an\n" +
		"editor's error will not go away by trying again."))
	f.Func().Id("connectionError").Params(jen.Err().Error()).Bool().Block(
		jen.Var().Id("dns").Op("*").Qual("net", "DNSError"),
		jen.If(jen.Qual("errors", "As").Call(jen.Err(), jen.Op("&").Id("dns")).Op("&&").Id("dns").Dot("IsNotFound")).Block(jen.Return(jen.False())),
		jen.Var().Id("op").Op("*").Qual("net", "OpError"),
		jen.Return(jen.Qual("errors", "As").Call(jen.Err(), jen.Op("&").Id("op")).Op("||").
			Qual("errors", "Is").Call(jen.Err(), jen.Qual("io", "EOF")).Op("||").
			Qual("errors", "Is").Call(jen.Err(), jen.Qual("io", "ErrUnexpectedEOF"))),
	)

	// func retryWait(ctx context.Context, d time.Duration) error
	f.Add(comment("retryWait waits d, or less when ctx is done first."))
	f.Func().Id("retryWait").Params(id("ctx").Qual("context", "Context"), id("d").Add(dur())).Error().Block(
		id("t").Op(":=").Qual("time", "NewTimer").Call(id("d")),
		jen.Defer().Id("t").Dot("Stop").Call(),
		jen.Select().Block(
			jen.Case(jen.Op("<-").Id("ctx").Dot("Done").Call()).Block(jen.Return(id("ctx").Dot("Err").Call())),
			jen.Case(jen.Op("<-").Id("t").Dot("C")).Block(jen.Return(jen.Nil())),
		),
	)
	return f
}

// durationLit spells d as Go: 8 * time.Second, 500 * time.Millisecond.
func durationLit(d time.Duration) *jen.Statement {
	if d%time.Second == 0 {
		return jen.Lit(int(d/time.Second)).Op("*").Qual("time", "Second")
	}
	return jen.Lit(int(d/time.Millisecond)).Op("*").Qual("time", "Millisecond")
}
