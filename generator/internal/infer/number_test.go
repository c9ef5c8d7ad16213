package infer

import "testing"

func TestClassifyNumber(t *testing.T) {
	tests := []struct {
		text string
		want numClass
	}{
		{"0", numClass{}},
		{"-0", numClass{}},
		{"42", numClass{}},
		{"9007199254740992", numClass{}},
		{"9007199254740993", numClass{inexact: true}}, // still an int64
		// ±2^63 are float64 values, but encoding/json writes them back
		// as 9223372036854776000: not exact in the sense that matters.
		{"-9223372036854775808", numClass{inexact: true}},
		{"9223372036854775808", numClass{big: true, inexact: true}},
		{"100000000000000000000", numClass{big: true}},
		{"12345678901234567890", numClass{big: true, inexact: true}},
		{"1.0", numClass{float: true}},
		{"1e3", numClass{float: true}},
		{"0.1", numClass{float: true}},
		{"-2.5E-3", numClass{float: true}},
		{"1.7976931348623157e308", numClass{float: true}},
		{"1e309", numClass{float: true, inexact: true}},
		{"5e-324", numClass{float: true}},
		{"1e-400", numClass{float: true, inexact: true}},
		{"0.30000000000000004", numClass{float: true}},
		{"0.300000000000000004", numClass{float: true, inexact: true}},
		{"1.00000000000000000000000000000", numClass{float: true}},
		{"abc", numClass{big: true, inexact: true}},
	}
	for _, tc := range tests {
		if got := classifyNumber(tc.text, true); got != tc.want {
			t.Errorf("classifyNumber(%s) = %+v, want %+v", tc.text, got, tc.want)
		}
	}
	if got := classifyNumber("12345678901234567890", false); got.inexact {
		t.Error("exactness checked although not asked for")
	}
}

func TestSameDecimal(t *testing.T) {
	tests := []struct {
		a, b string
		want bool
	}{
		{"1", "1.0", true},
		{"100", "1e2", true},
		{"1.50e2", "150", true},
		{"0.001", "1e-3", true},
		{"-0", "0", true},
		{"0e999999999999", "0.0", true},
		{"10.5", "1.05e+1", true},
		{"1", "2", false},
		{"1", "-1", false},
		{"1e2", "1e3", false},
		{"12345678901234567890", "1.2345678901234567e+19", false},
		{"1234567890123456789012345", "1.2345678901234568e+24", false}, // too many digits
		{"1e", "1", false},
		{"", "0", false},
		{"1x", "1", false},
	}
	for _, tc := range tests {
		if got := sameDecimal(tc.a, tc.b); got != tc.want {
			t.Errorf("sameDecimal(%q, %q) = %v, want %v", tc.a, tc.b, got, tc.want)
		}
	}
}
