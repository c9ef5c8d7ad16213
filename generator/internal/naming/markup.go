package naming

import "regexp"

// htmlTag is an HTML start or end tag: "<a href=\"/api\">", "</a>", "<br/>".
var htmlTag = regexp.MustCompile(`</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>`)

// StripTags removes the HTML tags from a request's or folder's name,
// keeping the text between them. Collections converted from OpenAPI
// carry the summary's markup into names ("… from the <a
// href="/api/config#settings">settings</a>"), and an identifier made of
// the tag's attributes ("…FromTheAHrefAPIConfigSettingsSettingsA") says
// nothing a reader wants.
func StripTags(name string) string {
	return htmlTag.ReplaceAllString(name, "")
}
