package api

import (
	"crypto/subtle"
	"net"
	"net/http"
	"strings"
)

// TokenCookie is the cookie a browser may carry the token in, so that the
// web UI can be used from another machine (set by /login).
const TokenCookie = "newsgraph_token"

// TokenMatches reports whether r carries token, as "Authorization: Bearer
// TOKEN" or in the TokenCookie cookie. The comparison takes the same time
// whatever the guess.
func TokenMatches(r *http.Request, token string) bool {
	if bearerMatches(r, token) {
		return true
	}
	c, err := r.Cookie(TokenCookie)
	return err == nil && same(c.Value, token)
}

// bearerMatches reports whether r carries token in its Authorization
// header. Writes accept only this: a browser never adds it on its own, so
// another site cannot make a logged-in browser post (no CSRF).
func bearerMatches(r *http.Request, token string) bool {
	scheme, rest, ok := strings.Cut(r.Header.Get("Authorization"), " ")
	return ok && strings.EqualFold(scheme, "Bearer") && same(strings.TrimSpace(rest), token)
}

func same(got, token string) bool {
	return token != "" && got != "" && subtle.ConstantTimeCompare([]byte(got), []byte(token)) == 1
}

// FromLoopback reports whether the request came from this machine.
func FromLoopback(r *http.Request) bool {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		host = r.RemoteAddr
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// LoopbackHost reports whether a Host header names this machine
// (localhost, 127.0.0.0/8, ::1), with or without a port.
func LoopbackHost(host string) bool {
	if h, _, err := net.SplitHostPort(host); err == nil {
		host = h
	}
	host = strings.TrimSuffix(strings.TrimPrefix(host, "["), "]")
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// Guard lets requests from loopback through, and requests from other
// addresses only with the token (or those open allows, such as the login
// page; open may be nil). With no token, other addresses are refused. A
// reverse proxy on the same machine makes every request look local: give
// the server a token and have the proxy pass it.
//
// A loopback request must also name a loopback host: a web page whose
// name an attacker re-points at 127.0.0.1 (DNS rebinding) sends its own
// host name and is refused.
func Guard(token string, open func(*http.Request) bool, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		local := FromLoopback(r) && LoopbackHost(r.Host)
		if local || open != nil && open(r) || TokenMatches(r, token) {
			next.ServeHTTP(w, r)
			return
		}
		if FromLoopback(r) && token == "" {
			writeError(w, r, &Error{Status: http.StatusForbidden, Code: "host_not_allowed",
				Message: "this server answers only requests for localhost, 127.0.0.1 or [::1]"})
			return
		}
		if token == "" {
			writeError(w, r, &Error{Status: http.StatusForbidden, Code: "loopback_only",
				Message: "this server answers loopback clients only; start it with --token to allow others"})
			return
		}
		writeError(w, r, errUnauthorized)
	})
}

// CORS allows cross-origin reads and token-bearing writes from origin
// ("*" for any). With origin "" it passes requests through untouched:
// CORS is off by default.
func CORS(origin string, next http.Handler) http.Handler {
	if origin == "" {
		return next
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		got := r.Header.Get("Origin")
		if got != "" && (origin == "*" || got == origin) {
			w.Header().Set("Access-Control-Allow-Origin", origin)
			w.Header().Set("Vary", "Origin")
			if r.Method == http.MethodOptions && r.Header.Get("Access-Control-Request-Method") != "" {
				w.Header().Set("Access-Control-Allow-Methods", "GET, POST")
				w.Header().Set("Access-Control-Allow-Headers", "Authorization, Content-Type")
				w.Header().Set("Access-Control-Max-Age", "600")
				w.WriteHeader(http.StatusNoContent)
				return
			}
		}
		next.ServeHTTP(w, r)
	})
}

// Limit lets at most n reads (GET, HEAD) run at once; the others wait
// their turn (or until their client gives up). The store answers a page
// with several queries: admitting whole requests, rather than letting
// every query of every request queue for a connection, keeps one
// request's queries together and the slowest answers fast under load.
// Writes pass: they are slow (the pipeline, fetching) and limited by the
// API server itself.
func Limit(n int, next http.Handler) http.Handler {
	slots := make(chan struct{}, n)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			next.ServeHTTP(w, r)
			return
		}
		select {
		case slots <- struct{}{}:
		case <-r.Context().Done():
			return
		}
		defer func() { <-slots }()
		next.ServeHTTP(w, r)
	})
}
