package api

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log"
	"net/http"

	"github.com/newsgraph/newsgraph/internal/news"
)

// Error is an error with its HTTP status and a stable code that clients
// can test, written as {"error": {"code": ..., "message": ...}}.
type Error struct {
	Status  int
	Code    string
	Message string
}

func (e *Error) Error() string { return e.Message }

var errUnauthorized = &Error{Status: http.StatusUnauthorized, Code: "unauthorized",
	Message: "missing or wrong API token (send Authorization: Bearer TOKEN)"}

func errMethod(m string) error {
	return &Error{Status: http.StatusMethodNotAllowed, Code: "method_not_allowed", Message: "method " + m + " not allowed here"}
}

func badRequest(format string, args ...any) error {
	return &Error{Status: http.StatusBadRequest, Code: "bad_request", Message: fmt.Sprintf(format, args...)}
}

// inputErrors are the news errors that mean the client sent something
// that is not an article.
var inputErrors = []error{news.ErrEmpty, news.ErrTooLarge, news.ErrBinary, news.ErrInvalidEncoding, news.ErrNoText}

// toAPIError maps an error to its status and code: the one place where
// store and input errors become HTTP.
func toAPIError(err error) *Error {
	var e *Error
	var qe *news.QueryError
	var tooBig *http.MaxBytesError
	switch {
	case errors.As(err, &e):
		return e
	case errors.As(err, &qe):
		return &Error{Status: http.StatusBadRequest, Code: "bad_query", Message: qe.Error()}
	case errors.Is(err, news.ErrNoSuchArticle), errors.Is(err, news.ErrNoSuchEntity), errors.Is(err, news.ErrNoSuchWatchlist):
		return &Error{Status: http.StatusNotFound, Code: "not_found", Message: err.Error()}
	case errors.As(err, &tooBig):
		return &Error{Status: http.StatusRequestEntityTooLarge, Code: "too_large",
			Message: fmt.Sprintf("request body over %d bytes", tooBig.Limit)}
	case errors.Is(err, news.ErrTooLarge):
		return &Error{Status: http.StatusRequestEntityTooLarge, Code: "too_large", Message: err.Error()}
	case errors.Is(err, context.DeadlineExceeded):
		return &Error{Status: http.StatusServiceUnavailable, Code: "timeout", Message: "the request took too long"}
	case errors.Is(err, context.Canceled):
		return &Error{Status: 499, Code: "canceled", Message: "the client went away"}
	}
	for _, in := range inputErrors {
		if errors.Is(err, in) {
			return &Error{Status: http.StatusUnprocessableEntity, Code: "not_an_article", Message: err.Error()}
		}
	}
	return &Error{Status: http.StatusInternalServerError, Code: "internal", Message: "internal error"}
}

func writeError(w http.ResponseWriter, r *http.Request, err error) {
	e := toAPIError(err)
	if e.Status >= 500 && e.Status != http.StatusServiceUnavailable {
		log.Printf("%s %s: %v", r.Method, r.URL.Path, err) // the client sees only "internal error"
	}
	writeJSON(w, e.Status, map[string]any{"error": map[string]string{"code": e.Code, "message": e.Message}})
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(true) // "<" as \u003c: harmless if a browser sniffs it as HTML
	enc.Encode(v)
}
