// Package model is the API that pmgen generates a client for, as plain data.
//
// It is the contract between the stages: build fills it from a loaded
// collection, emit translates it into Go without making any decision of its
// own. It therefore knows neither Postman nor jennifer: every name, type,
// default and test expectation is settled here before emission starts
// (DESIGN.md, house rule 1).
package model
