// Package infer derives Go types from example JSON: the saved bodies of a
// collection's responses and requests.
//
// Examples come as ordjson trees, which keep what encoding/json would lose
// for inference: the text of numbers (so 1 and 1.0 stay apart) and the
// order of object keys (so generated structs list fields as the API does).
// Callers read them in ordjson's lenient mode, which accepts the // and /*
// */ comments and trailing commas that real collections contain.
//
// An Inferrer merges the samples of one place (every example of one status,
// or one request body) into a model.TypeRef, and interns the struct types it
// creates so that structurally equal types are one *model.Type across a whole
// API. Names are not chosen here: each Type carries a Hint (the caller's
// words plus the JSON path) from which build derives the Go name.
//
// The guiding rule is the round trip that the generated tests perform:
// decoding an example into the inferred type and encoding it again must give
// the same JSON (null and a missing key counting as the same, and RFC 3339
// timestamps as the same when they name the same instant at the same
// offset: time.Time writes ".000Z" back as "Z"). Every choice below that
// looks conservative (json.RawMessage for numbers that float64 cannot
// carry, maps for keys that a struct tag cannot spell, string for
// timestamps that time.Time would rewrite as another value) follows from it.
// The round trip holds (the tests prove it with types built by reflection)
// when the Go types follow these rules:
//
//   - KindAny and KindRaw are json.RawMessage;
//   - KindTime is time.Time;
//   - scalars (time.Time among them) and structs are pointers when
//     Nullable or Optional;
//   - slices and maps are never pointers (nil carries null), and get no
//     omitempty, which would drop a present [] or {};
//   - the JSON key "-" is spelled `json:"-,"`.
package infer
