package main

import (
	"crypto/rand"
	"encoding/base64"
	"fmt"
)

const tokenAbout = `Prints a new random API token for 'newsgraph serve': --bytes random bytes
from the operating system's secure generator, written in base64url (letters,
digits, - and _), so that it can go in a shell variable, a header or a URL
as it is. Serving beyond loopback needs a token of at least 16 bytes.

Example:
  export NEWSGRAPH_TOKEN=$(newsgraph token)
  newsgraph serve --addr :8080`

// The random bytes of a token: 32 by default, at least minRemoteToken
// (what serve needs beyond loopback), at most maxTokenBytes.
const (
	defaultTokenBytes = 32
	maxTokenBytes     = 1024
)

func runToken(env *environment, args []string) error {
	fs := newFlagSet(env, "token", "[--bytes N]", tokenAbout)
	n := fs.Int("bytes", defaultTokenBytes, fmt.Sprintf("random `bytes` in the token (%d to %d)", minRemoteToken, maxTokenBytes))
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return &usageError{msg: "token: takes no arguments (run 'newsgraph token --help')"}
	}
	if *n < minRemoteToken || *n > maxTokenBytes {
		return &usageError{msg: fmt.Sprintf("token: --bytes must be %d to %d, not %d", minRemoteToken, maxTokenBytes, *n)}
	}
	tok, err := newToken(*n)
	if err != nil {
		return fmt.Errorf("token: %w", err)
	}
	fmt.Fprintln(env.stdout, tok)
	return nil
}

// newToken returns n bytes from crypto/rand in unpadded base64url.
func newToken(n int) (string, error) {
	b := make([]byte, n)
	if _, err := rand.Read(b); err != nil {
		return "", fmt.Errorf("read random bytes: %w", err)
	}
	return base64.RawURLEncoding.EncodeToString(b), nil
}
