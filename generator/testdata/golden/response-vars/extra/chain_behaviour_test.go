package shop

// These tests are written by hand, not generated: the compile-and-run test
// of the golden cases copies them beside the generated package of the
// "response-vars" case, to follow the variables a test script sets into
// the requests a caller makes with them, against a live httptest server.

import (
	"context"
	"net/http"
	"net/http/httptest"
	"testing"
)

// TestChainOptions reads the variables of "Log in" and "Me" from live
// responses and sends "Get cart" with their options: the token and the
// literal region reach it, the unset cart id is back to its saved
// default, {{mirror}} copies {{region}} as the call has it, and a client
// given no options still sends its own settings.
func TestChainOptions(t *testing.T) {
	var got *http.Request
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		got = r.Clone(context.Background())
		w.Header().Set("Content-Type", "application/json")
		switch r.URL.Path {
		case "/login":
			w.Write([]byte(`{"session": {"token": "tok-live"}}`))
		case "/me":
			w.Write([]byte(`{"user": {"id": "u-live"}}`))
		default:
			w.Write([]byte(`{"id": "c-1"}`))
		}
	}))
	defer srv.Close()
	c, err := New(WithBaseURL(srv.URL), WithCartID("c-1"), WithRegion("us"))
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	_, resp, err := c.LogIn(ctx, &LogInRequest{User: "ann"})
	if err != nil {
		t.Fatal(err)
	}
	login, err := ReadLogInVariables(resp)
	if err != nil {
		t.Fatal(err)
	}
	if login.Token != "tok-live" || login.Region != "eu" {
		t.Fatalf("LogInVariables = %+v", login)
	}
	_, resp, err = c.Me(ctx, nil, login.Options()...)
	if err != nil {
		t.Fatal(err)
	}
	if h := got.Header.Get("Authorization"); h != "Bearer tok-live" {
		t.Errorf("Me sent Authorization %q", h)
	}
	me, err := ReadMeVariables(resp)
	if err != nil || me.UserID != "u-live" {
		t.Fatalf("MeVariables = %+v, %v", me, err)
	}
	if _, _, err := c.Carts.GetCart(ctx, append(login.Options(), me.Options()...)...); err != nil {
		t.Fatal(err)
	}
	for name, want := range map[string]string{"X-Region": "eu", "X-Mirror": "eu", "X-User": "u-live"} {
		if h := got.Header.Get(name); h != want {
			t.Errorf("GetCart sent %s %q, want %q", name, h, want)
		}
	}
	if got.URL.Path != "/carts/none" {
		t.Errorf("GetCart path %q, want the unset cart id's default /carts/none", got.URL.Path)
	}
	// The client itself is unchanged.
	if _, _, err := c.Carts.GetCart(ctx); err != nil {
		t.Fatal(err)
	}
	if got.URL.Path != "/carts/c-1" || got.Header.Get("X-Region") != "us" || got.Header.Get("X-User") != "" {
		t.Errorf("a call without the options sent %s with X-Region %q, X-User %q", got.URL.Path, got.Header.Get("X-Region"), got.Header.Get("X-User"))
	}
}

// TestReadFailsOnMissingMember: a response without the member a variable
// is read from is an error, not an empty token sent later.
func TestReadFailsOnMissingMember(t *testing.T) {
	_, err := ReadLogInVariables(&Response{StatusCode: 200, Body: []byte(`{"session": {}}`)})
	if err == nil || err.Error() != `shop: variable "token": the response has no session.token` {
		t.Errorf("err = %v", err)
	}
}
