package alert

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// The headers of a webhook request.
const (
	// HeaderSignature carries "sha256=" and the lower-case hex
	// HMAC-SHA256, keyed with the webhook's secret, of the timestamp
	// header's value, a full stop and the raw request body:
	// HMAC(secret, TIMESTAMP + "." + BODY).
	HeaderSignature = "X-Newsgraph-Signature"
	// HeaderTimestamp carries the time of signing in Unix seconds
	// (decimal). Each try is signed anew, so a retry has a fresh one.
	HeaderTimestamp = "X-Newsgraph-Timestamp"
	// HeaderIdempotencyKey carries the alert's id, the same on every try
	// of one alert: a receiver that has seen it may drop the request
	// (delivery is at least once).
	HeaderIdempotencyKey = "Idempotency-Key"
)

// DefaultTolerance is how old (or how far in the future) a timestamp
// Verify accepts by default: a replayed request older than this is refused.
const DefaultTolerance = 5 * time.Minute

// Verification errors, tested with errors.Is.
var (
	ErrNoSignature  = errors.New("webhook: no " + HeaderSignature + " or " + HeaderTimestamp + " header")
	ErrBadSignature = errors.New("webhook: the signature does not match the body")
	ErrStale        = errors.New("webhook: the timestamp is outside the tolerance (a replay?)")
)

// Sign returns the value of HeaderSignature for body sent at ts (Unix
// seconds): "sha256=" + hex(HMAC-SHA256(secret, ts + "." + body)).
func Sign(secret string, ts int64, body []byte) string {
	mac := hmac.New(sha256.New, []byte(secret))
	mac.Write([]byte(strconv.FormatInt(ts, 10)))
	mac.Write([]byte{'.'})
	mac.Write(body)
	return "sha256=" + hex.EncodeToString(mac.Sum(nil))
}

// Verify checks a webhook request the way a receiver should: h must carry
// HeaderTimestamp, a time within tolerance of now (0 means
// DefaultTolerance), and HeaderSignature, equal to Sign(secret, timestamp,
// body) compared in constant time, where body is the raw request body as
// received, before any JSON decoding. It returns nil when the request is
// authentic, else an error wrapping ErrNoSignature, ErrBadSignature or
// ErrStale.
func Verify(secret string, h http.Header, body []byte, now time.Time, tolerance time.Duration) error {
	if tolerance <= 0 {
		tolerance = DefaultTolerance
	}
	sig, tsText := h.Get(HeaderSignature), h.Get(HeaderTimestamp)
	if sig == "" || tsText == "" {
		return ErrNoSignature
	}
	ts, err := strconv.ParseInt(strings.TrimSpace(tsText), 10, 64)
	if err != nil {
		return fmt.Errorf("%w: timestamp %q is not Unix seconds", ErrBadSignature, tsText)
	}
	if d := now.Sub(time.Unix(ts, 0)); d > tolerance || d < -tolerance {
		return fmt.Errorf("%w: signed %s ago", ErrStale, d.Round(time.Second))
	}
	if !hmac.Equal([]byte(Sign(secret, ts, body)), []byte(strings.TrimSpace(sig))) {
		return ErrBadSignature
	}
	return nil
}
