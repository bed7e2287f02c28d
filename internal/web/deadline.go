package web

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"time"

	"github.com/newsgraph/newsgraph/internal/news"
)

// DefaultTimeout is the default Config.Timeout.
const DefaultTimeout = 10 * time.Second

// withDeadline returns r with the page's deadline (Config.Timeout) on its
// context: the store interrupts its queries when it passes.
func (s *Server) withDeadline(r *http.Request) (*http.Request, context.CancelFunc) {
	timeout := s.cfg.Timeout
	if timeout <= 0 {
		timeout = DefaultTimeout
	}
	ctx, cancel := context.WithTimeout(r.Context(), timeout)
	return r.WithContext(ctx), cancel
}

// storeFailure returns the status and message of a page for the store
// errors that are not the server's fault: a search the store refuses
// (400) and a deadline passed or a client gone (503). ok is false for
// other errors.
func storeFailure(err error) (status int, msg string, ok bool) {
	var qe *news.QueryError
	switch {
	case errors.As(err, &qe):
		msg = "This search cannot be run: " + qe.Problem + "."
		if qe.Hint != "" {
			msg += " Please " + strings.TrimSuffix(qe.Hint, ".") + "."
		}
		return http.StatusBadRequest, msg, true
	case errors.Is(err, context.DeadlineExceeded), errors.Is(err, context.Canceled):
		return http.StatusServiceUnavailable, "The server took too long to answer. Try again, or narrow the search.", true
	}
	return 0, "", false
}

// isStoreFailure reports whether storeFailure knows err.
func isStoreFailure(err error) bool {
	_, _, ok := storeFailure(err)
	return ok
}
