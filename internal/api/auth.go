package api

import (
	"crypto/sha256"
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
	return err == nil && TokenEqual(c.Value, token)
}

// bearerMatches reports whether r carries token in its Authorization
// header. Writes accept only this: a browser never adds it on its own, so
// another site cannot make a logged-in browser post (no CSRF).
func bearerMatches(r *http.Request, token string) bool {
	scheme, rest, ok := strings.Cut(r.Header.Get("Authorization"), " ")
	return ok && strings.EqualFold(scheme, "Bearer") && TokenEqual(strings.TrimSpace(rest), token)
}

// TokenEqual reports whether got is token. It compares their SHA-256
// digests in constant time, so the time taken tells a guesser nothing,
// not even the token's length. An empty token matches nothing. Every
// check of the API token goes through here.
func TokenEqual(got, token string) bool {
	if token == "" {
		return false
	}
	g, t := sha256.Sum256([]byte(got)), sha256.Sum256([]byte(token))
	return subtle.ConstantTimeCompare(g[:], t[:]) == 1
}

// presentsToken reports whether r carries a token at all (right or
// wrong): an Authorization header or the token cookie.
func presentsToken(r *http.Request) bool {
	if r.Header.Get("Authorization") != "" {
		return true
	}
	_, err := r.Cookie(TokenCookie)
	return err == nil
}

// checkBearer lets r through when its Authorization header carries token,
// counting wrong ones in t (nil: no throttling): it returns
// errUnauthorized, or a 429 error (setting Retry-After on w) while r's
// client must wait.
func checkBearer(w http.ResponseWriter, r *http.Request, token string, t *Throttle) error {
	if r.Header.Get("Authorization") == "" {
		return errUnauthorized
	}
	ok, wait := t.Check(Client(r), func() bool { return bearerMatches(r, token) })
	switch {
	case ok:
		return nil
	case wait > 0:
		return tooManyTries(w, wait)
	}
	return errUnauthorized
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
//
// A wrong token counts against its client in t (nil: no throttling); a
// client that must wait gets 429 with Retry-After, its token unchecked.
func Guard(token string, t *Throttle, open func(*http.Request) bool, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		local := FromLoopback(r) && LoopbackHost(r.Host)
		if local || open != nil && open(r) {
			next.ServeHTTP(w, r)
			return
		}
		if token != "" && presentsToken(r) {
			ok, wait := t.Check(Client(r), func() bool { return TokenMatches(r, token) })
			switch {
			case ok:
				next.ServeHTTP(w, r)
			case wait > 0:
				writeError(w, r, tooManyTries(w, wait))
			default:
				writeError(w, r, errUnauthorized)
			}
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

// CORS allows cross-origin reads and token-bearing writes of the API
// (paths under /api/) from origin ("*" for any). It answers the preflight
// requests of that origin itself (204), and so belongs in front of Guard:
// a browser sends preflights without the token, so behind Guard those
// from other machines would be refused. Other requests go on to next with
// the CORS headers set. With origin "" it passes requests through
// untouched: CORS is off by default.
func CORS(origin string, next http.Handler) http.Handler {
	if origin == "" {
		return next
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !strings.HasPrefix(r.URL.Path, "/api/") {
			next.ServeHTTP(w, r)
			return
		}
		if origin != "*" {
			w.Header().Add("Vary", "Origin")
		}
		got := r.Header.Get("Origin")
		if got != "" && (origin == "*" || got == origin) {
			w.Header().Set("Access-Control-Allow-Origin", origin)
			if r.Method == http.MethodOptions && r.Header.Get("Access-Control-Request-Method") != "" {
				w.Header().Set("Access-Control-Allow-Methods", "GET, POST, PUT, DELETE")
				w.Header().Set("Access-Control-Allow-Headers", "Authorization, Content-Type")
				w.Header().Set("Access-Control-Max-Age", "600")
				w.WriteHeader(http.StatusNoContent)
				return
			}
		}
		next.ServeHTTP(w, r)
	})
}
