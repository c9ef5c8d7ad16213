package pmruntime

import (
	crand "crypto/rand"
	"fmt"
	"math/rand/v2"
	"strconv"
	"strings"
	"time"
)

// dynamicGUID produces {{$guid}} afresh for each call, as Postman does.
func dynamicGUID() string {
	var b [16]byte
	// crypto/rand.Read never fails on the platforms Go supports.
	crand.Read(b[:])
	b[6] = b[6]&15 | 64
	b[8] = b[8]&63 | 128
	return fmt.Sprintf("%x-%x-%x-%x-%x", b[0:4], b[4:6], b[6:8], b[8:10], b[10:])
}

// dynamicIsoTimestamp produces {{$isoTimestamp}} afresh for each call, as Postman does.
func dynamicIsoTimestamp() string {
	return time.Now().UTC().Format("2006-01-02T15:04:05.000Z")
}

// dynamicRandomAlphaNumeric produces {{$randomAlphaNumeric}} afresh for each call, as Postman does.
func dynamicRandomAlphaNumeric() string {
	const chars = "abcdefghijklmnopqrstuvwxyz0123456789"
	return string(chars[rand.IntN(len(chars))])
}

// dynamicRandomBoolean produces {{$randomBoolean}} afresh for each call, as Postman does.
func dynamicRandomBoolean() string {
	return strconv.FormatBool(rand.IntN(2) == 1)
}

// dynamicRandomColor produces {{$randomColor}} afresh for each call, as Postman does.
func dynamicRandomColor() string {
	choices := []string{"red", "orange", "yellow", "green", "blue", "indigo", "violet", "black", "white", "grey", "teal", "olive"}
	return choices[rand.IntN(len(choices))]
}

// dynamicRandomCountryCode produces {{$randomCountryCode}} afresh for each call, as Postman does.
func dynamicRandomCountryCode() string {
	choices := []string{"US", "GB", "FR", "DE", "IN", "JP", "BR", "CA", "AU", "ZA", "NL", "SE"}
	return choices[rand.IntN(len(choices))]
}

// dynamicRandomCurrencyCode produces {{$randomCurrencyCode}} afresh for each call, as Postman does.
func dynamicRandomCurrencyCode() string {
	choices := []string{"USD", "EUR", "GBP", "JPY", "INR", "BRL", "CAD", "AUD", "CHF", "SEK"}
	return choices[rand.IntN(len(choices))]
}

// dynamicRandomDomainName produces {{$randomDomainName}} afresh for each call, as Postman does.
func dynamicRandomDomainName() string {
	return dynamicRandomWord() + ".example.com"
}

// dynamicRandomEmail produces {{$randomEmail}} afresh for each call, as Postman does.
func dynamicRandomEmail() string {
	return strings.ToLower(dynamicRandomUserName()) + "@example.com"
}

// dynamicRandomExampleEmail produces {{$randomExampleEmail}} afresh for each call, as Postman does.
func dynamicRandomExampleEmail() string {
	return strings.ToLower(dynamicRandomUserName()) + "@example.org"
}

// dynamicRandomFileName produces {{$randomFileName}} afresh for each call, as Postman does.
func dynamicRandomFileName() string {
	return dynamicRandomWord() + ".txt"
}

// dynamicRandomFirstName produces {{$randomFirstName}} afresh for each call, as Postman does.
func dynamicRandomFirstName() string {
	choices := []string{"Ada", "Alan", "Grace", "Linus", "Barbara", "Ken", "Margaret", "Dennis", "Frances", "Edsger"}
	return choices[rand.IntN(len(choices))]
}

// dynamicRandomFullName produces {{$randomFullName}} afresh for each call, as Postman does.
func dynamicRandomFullName() string {
	return dynamicRandomFirstName() + " " + dynamicRandomLastName()
}

// dynamicRandomHexColor produces {{$randomHexColor}} afresh for each call, as Postman does.
func dynamicRandomHexColor() string {
	return fmt.Sprintf("#%02x%02x%02x", rand.IntN(256), rand.IntN(256), rand.IntN(256))
}

// dynamicRandomIP produces {{$randomIP}} afresh for each call, as Postman does.
func dynamicRandomIP() string {
	return fmt.Sprintf("%d.%d.%d.%d", rand.IntN(256), rand.IntN(256), rand.IntN(256), rand.IntN(256))
}

// dynamicRandomIPV6 produces {{$randomIPV6}} afresh for each call, as Postman does.
func dynamicRandomIPV6() string {
	return fmt.Sprintf("%x:%x:%x:%x:%x:%x:%x:%x", rand.IntN(65536), rand.IntN(65536), rand.IntN(65536), rand.IntN(65536), rand.IntN(65536), rand.IntN(65536), rand.IntN(65536), rand.IntN(65536))
}

// dynamicRandomInt produces {{$randomInt}} afresh for each call, as Postman does.
func dynamicRandomInt() string {
	return strconv.Itoa(rand.IntN(1001))
}

// dynamicRandomLastName produces {{$randomLastName}} afresh for each call, as Postman does.
func dynamicRandomLastName() string {
	choices := []string{"Lovelace", "Turing", "Hopper", "Torvalds", "Liskov", "Thompson", "Hamilton", "Ritchie", "Allen", "Dijkstra"}
	return choices[rand.IntN(len(choices))]
}

// dynamicRandomLatitude produces {{$randomLatitude}} afresh for each call, as Postman does.
func dynamicRandomLatitude() string {
	return strconv.FormatFloat(rand.Float64()*180.0-90.0, 'f', 6, 64)
}

// dynamicRandomLocale produces {{$randomLocale}} afresh for each call, as Postman does.
func dynamicRandomLocale() string {
	choices := []string{"en", "fr", "de", "es", "it", "ja", "pt", "nl", "sv", "hi"}
	return choices[rand.IntN(len(choices))]
}

// dynamicRandomLongitude produces {{$randomLongitude}} afresh for each call, as Postman does.
func dynamicRandomLongitude() string {
	return strconv.FormatFloat(rand.Float64()*360.0-180.0, 'f', 6, 64)
}

// dynamicRandomLoremWord produces {{$randomLoremWord}} afresh for each call, as Postman does.
func dynamicRandomLoremWord() string {
	choices := []string{"lorem", "ipsum", "dolor", "sit", "amet", "consectetur", "adipiscing", "elit", "sed", "tempor"}
	return choices[rand.IntN(len(choices))]
}

// dynamicRandomMACAddress produces {{$randomMACAddress}} afresh for each call, as Postman does.
func dynamicRandomMACAddress() string {
	return fmt.Sprintf("%02x:%02x:%02x:%02x:%02x:%02x", rand.IntN(256), rand.IntN(256), rand.IntN(256), rand.IntN(256), rand.IntN(256), rand.IntN(256))
}

// dynamicRandomMimeType produces {{$randomMimeType}} afresh for each call, as Postman does.
func dynamicRandomMimeType() string {
	choices := []string{"application/json", "text/plain", "text/html", "image/png", "image/jpeg", "application/pdf", "application/xml"}
	return choices[rand.IntN(len(choices))]
}

// dynamicRandomPassword produces {{$randomPassword}} afresh for each call, as Postman does.
func dynamicRandomPassword() string {
	const chars = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
	b := make([]byte, 15)
	// crypto/rand.Read never fails on the platforms Go supports.
	crand.Read(b)
	for i := range b {
		b[i] = chars[int(b[i])%len(chars)]
	}
	return string(b)
}

// dynamicRandomPrice produces {{$randomPrice}} afresh for each call, as Postman does.
func dynamicRandomPrice() string {
	return fmt.Sprintf("%.2f", rand.Float64()*1000)
}

// dynamicRandomProtocol produces {{$randomProtocol}} afresh for each call, as Postman does.
func dynamicRandomProtocol() string {
	choices := []string{"http", "https"}
	return choices[rand.IntN(len(choices))]
}

// dynamicRandomSemver produces {{$randomSemver}} afresh for each call, as Postman does.
func dynamicRandomSemver() string {
	return fmt.Sprintf("%d.%d.%d", rand.IntN(10), rand.IntN(10), rand.IntN(10))
}

// dynamicRandomUUID produces {{$randomUUID}} afresh for each call, as Postman does.
func dynamicRandomUUID() string {
	var b [16]byte
	// crypto/rand.Read never fails on the platforms Go supports.
	crand.Read(b[:])
	b[6] = b[6]&15 | 64
	b[8] = b[8]&63 | 128
	return fmt.Sprintf("%x-%x-%x-%x-%x", b[0:4], b[4:6], b[6:8], b[8:10], b[10:])
}

// dynamicRandomURL produces {{$randomUrl}} afresh for each call, as Postman does.
func dynamicRandomURL() string {
	return "https://" + dynamicRandomDomainName()
}

// dynamicRandomUserName produces {{$randomUserName}} afresh for each call, as Postman does.
func dynamicRandomUserName() string {
	return dynamicRandomFirstName() + "." + dynamicRandomLastName()
}

// dynamicRandomWord produces {{$randomWord}} afresh for each call, as Postman does.
func dynamicRandomWord() string {
	choices := []string{"apple", "river", "stone", "cloud", "maple", "harbor", "falcon", "copper", "meadow", "lantern"}
	return choices[rand.IntN(len(choices))]
}

// dynamicTimestamp produces {{$timestamp}} afresh for each call, as Postman does.
func dynamicTimestamp() string {
	return strconv.FormatInt(time.Now().Unix(), 10)
}
