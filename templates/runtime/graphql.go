package pmruntime

import ()

// graphQLRequest is the JSON document of a GraphQL call.
type graphQLRequest struct {
	Query     string `json:"query"`
	Variables any    `json:"variables,omitempty"`
}
