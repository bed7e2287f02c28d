package api

import (
	"context"
	"fmt"
	"math"
	"net/http"
	"strconv"
	"time"
)

// DefaultQueueWait is how long a read waits for a slot of Limit by
// default before it is answered 503.
const DefaultQueueWait = 5 * time.Second

// Limit lets at most n reads (GET, HEAD) run at once. The store answers a
// page with several queries: admitting whole requests, rather than
// letting every query of every request queue for a connection, keeps one
// request's queries together and the slowest answers fast under load.
//
// A read that finds every slot taken waits at most wait (0: not at all),
// or until its client gives up; then it is answered 503 "busy" with
// Retry-After (wait in whole seconds, at least 1), so that a burst of
// slow reads sheds load instead of queueing without end. Writes pass:
// they are slow (the pipeline, fetching) and limited by the API server
// itself.
func Limit(n int, wait time.Duration, next http.Handler) http.Handler {
	slots := make(chan struct{}, n)
	retry := strconv.Itoa(max(1, int(math.Ceil(wait.Seconds()))))
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			next.ServeHTTP(w, r)
			return
		}
		if !takeSlot(r.Context(), slots, wait) {
			if r.Context().Err() == nil {
				w.Header().Set("Retry-After", retry)
				writeError(w, r, &Error{Status: http.StatusServiceUnavailable, Code: "busy",
					Message: fmt.Sprintf("the server is busy: %d reads are running; try again in %s s", n, retry)})
			}
			return
		}
		defer func() { <-slots }()
		next.ServeHTTP(w, r)
	})
}

// takeSlot takes a slot, waiting at most wait or until ctx ends; it
// reports whether it got one.
func takeSlot(ctx context.Context, slots chan struct{}, wait time.Duration) bool {
	select {
	case slots <- struct{}{}:
		return true
	default:
	}
	if wait <= 0 {
		return false
	}
	timer := time.NewTimer(wait)
	defer timer.Stop()
	select {
	case slots <- struct{}{}:
		return true
	case <-timer.C:
	case <-ctx.Done():
	}
	return false
}
