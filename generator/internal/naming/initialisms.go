package naming

import "strings"

// initialisms maps a lower-case word to its Go spelling. It is golint's list
// (lint.commonInitialisms) plus initialisms that are common in HTTP APIs.
// Words are matched whole, so "id" becomes "ID" but "idle" stays "Idle".
var initialisms = map[string]string{
	// golint
	"acl": "ACL", "api": "API", "ascii": "ASCII", "cpu": "CPU", "css": "CSS",
	"dns": "DNS", "eof": "EOF", "guid": "GUID", "html": "HTML", "http": "HTTP",
	"https": "HTTPS", "id": "ID", "ip": "IP", "json": "JSON", "lhs": "LHS",
	"qps": "QPS", "ram": "RAM", "rhs": "RHS", "rpc": "RPC", "sla": "SLA",
	"smtp": "SMTP", "sql": "SQL", "ssh": "SSH", "tcp": "TCP", "tls": "TLS",
	"ttl": "TTL", "udp": "UDP", "ui": "UI", "uid": "UID", "uuid": "UUID",
	"uri": "URI", "url": "URL", "utf8": "UTF8", "vm": "VM", "xml": "XML",
	"xmpp": "XMPP", "xsrf": "XSRF", "xss": "XSS",
	// common in APIs
	"aws": "AWS", "cdn": "CDN", "cors": "CORS", "csv": "CSV", "gcp": "GCP",
	"graphql": "GraphQL", "hmac": "HMAC", "ipv": "IPv", "jwt": "JWT",
	"md5": "MD5", "mfa": "MFA", "oauth": "OAuth", "oidc": "OIDC", "os": "OS",
	"otp": "OTP", "pdf": "PDF", "pkce": "PKCE", "saml": "SAML", "sdk": "SDK",
	"sha": "SHA", "sms": "SMS", "sso": "SSO", "urn": "URN",
}

// initialism returns the Go spelling of word when it is a known initialism or
// the plural of one ("ids" -> "IDs", "URLs" -> "URLs").
func initialism(word string) (string, bool) {
	lw := strings.ToLower(word)
	if s, ok := initialisms[lw]; ok {
		return s, true
	}
	if len(lw) > 2 && strings.HasSuffix(lw, "s") {
		if s, ok := initialisms[lw[:len(lw)-1]]; ok {
			return s + "s", true
		}
	}
	return "", false
}
