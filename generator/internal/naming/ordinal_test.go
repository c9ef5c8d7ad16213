package naming

import "testing"

func TestDropOrdinal(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Step 6: Refresh", "Refresh"},
		{"Step 6: Refresh Users' Session", "Refresh Users' Session"},
		{"step 2 - x", "x"},
		{"Step 2 - x", "x"},
		{"STEP 3. Done", "Done"},
		{"Step1: Login", "Login"},
		{"1. Create", "Create"},
		{"01 - List", "List"},
		{"3) Get", "Get"},
		{"4: Delete", "Delete"},
		{"5 – Update", "Update"},
		{"6 — Patch", "Patch"},
		{" 02 - Authorization Code Grant (Confidential Client)", "Authorization Code Grant (Confidential Client)"},
		{"01-1 - Construct Consent URL (JWT)", "Construct Consent URL (JWT)"},
		{"1.2. Nested step", "Nested step"},
		{"1a. Create User & Auth", "Create User & Auth"},
		{"4b. Get contact email (for dummy emails)", "Get contact email (for dummy emails)"},
		{"400 - Bad Request (Create)", "Bad Request (Create)"},
		// Kept: number-led phrases without an ordinal separator.
		{"2FA setup", "2FA setup"},
		{"200 OK", "200 OK"},
		{"200 Success - Default Payload", "200 Success - Default Payload"},
		{"3D Secure", "3D Secure"},
		{"2-factor auth", "2-factor auth"},
		{"3.x upgrade", "3.x upgrade"},
		{"1.5 release", "1.5 release"},
		{"Steps to follow", "Steps to follow"},
		{"Step by step", "Step by step"},
		{"v1.0 $metadata", "v1.0 $metadata"},
		// Kept: nothing would be left.
		{"1", "1"},
		{"1.", "1."},
		{"Step 6:", "Step 6:"},
		{"01 -   ", "01 -   "},
		{"", ""},
		// Kept unchanged, surrounding spaces included, when there is no ordinal.
		{"  Pagination ", "  Pagination "},
	}
	for _, tt := range tests {
		if got := DropOrdinal(tt.in); got != tt.want {
			t.Errorf("DropOrdinal(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
