package main

import (
	"context"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/internal/alert"
	"github.com/newsgraph/newsgraph/internal/sqlite"
)

// webhookDB is a store in a fresh folder holding floodWatchlist (id 1).
func webhookDB(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	db := filepath.Join(dir, "news.db")
	wl := writeFile(t, dir, "floods.json", []byte(floodWatchlist))
	if code, out, errOut := run(t, "", "watch", "add", wl, "--db", db); code != 0 {
		t.Fatalf("watch add: exit %d\n%s%s", code, out, errOut)
	}
	return db
}

// storedWebhook is watchlist 1's webhook in db, nil when it has none.
func storedWebhook(t *testing.T, db string) *alert.Webhook {
	t.Helper()
	ctx := context.Background()
	store, err := sqlite.Open(ctx, sqlite.Config{Path: db})
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	hook, err := store.Webhook(ctx, 1)
	if err != nil {
		t.Fatal(err)
	}
	return hook
}

// TestWatchWebhook: 'watch webhook' sets a watchlist's webhook (by id or
// name) with a made secret shown once or with the secret given (as a flag
// or on standard input, then not shown), shows its URL without the
// secret, and removes it.
func TestWatchWebhook(t *testing.T) {
	db := webhookDB(t)
	code, out, errOut := run(t, "", "watch", "webhook", "floods", "https://hooks.example/newsgraph", "--db", db)
	made := regexp.MustCompile(`(?m)^secret \(shown once, [^)]*\): ([0-9a-f]{64})$`).FindStringSubmatch(out)
	if code != 0 || !strings.HasPrefix(out, "webhook of watchlist 1 floods: https://hooks.example/newsgraph\n") || made == nil {
		t.Fatalf("set with a made secret: exit %d, %q %q", code, out, errOut)
	}
	if hook := storedWebhook(t, db); hook == nil || hook.URL != "https://hooks.example/newsgraph" || hook.Secret != made[1] {
		t.Errorf("stored webhook %+v, want the URL with the secret shown %s", hook, made[1])
	}
	code, out, _ = run(t, "", "watch", "webhook", "1", "--db", db)
	if code != 0 || out != "webhook of watchlist 1 floods: https://hooks.example/newsgraph\n" {
		t.Errorf("show: exit %d, %q", code, out)
	}
	const secret = "a-secret-of-the-receiver"
	code, out, _ = run(t, "", "watch", "webhook", "1", "https://hooks.example/other", "--secret", secret, "--db", db)
	if code != 0 || strings.Contains(out, "secret") {
		t.Errorf("set with --secret: exit %d, %q (the secret given is not shown)", code, out)
	}
	if hook := storedWebhook(t, db); hook == nil || hook.URL != "https://hooks.example/other" || hook.Secret != secret {
		t.Errorf("stored webhook %+v, want the other URL with the secret given", hook)
	}
	code, out, _ = run(t, secret+"-from-stdin\n", "watch", "webhook", "1", "http://hooks.example/3", "--secret", "-", "--db", db)
	if hook := storedWebhook(t, db); code != 0 || hook == nil || hook.Secret != secret+"-from-stdin" {
		t.Errorf("--secret -: exit %d, %q, stored %+v", code, out, hook)
	}
	code, out, _ = run(t, "", "watch", "webhook", "1", "--remove", "--db", db)
	if code != 0 || out != "removed the webhook of watchlist 1 floods\n" || storedWebhook(t, db) != nil {
		t.Errorf("remove: exit %d, %q", code, out)
	}
	code, out, _ = run(t, "", "watch", "webhook", "floods", "--db", db)
	if code != 0 || out != "watchlist 1 floods has no webhook\n" {
		t.Errorf("show after remove: exit %d, %q", code, out)
	}
}

// TestWatchWebhookRefused: URLs that reach the machine's own network
// (SSRF), other schemes, short secrets, unknown watchlists and wrong
// usage get one line and no webhook; --allow-private accepts a private
// address.
func TestWatchWebhookRefused(t *testing.T) {
	db := webhookDB(t)
	for _, tc := range []struct {
		args []string
		code int
		err  string
	}{
		{[]string{"http://127.0.0.1:8080/hook"}, 1, "url: 127.0.0.1: refused: the address is loopback, private or link-local (use --allow-private to allow it)"},
		{[]string{"http://localhost/hook"}, 1, "use --allow-private to allow it"},
		{[]string{"http://169.254.169.254/latest/meta-data"}, 1, "use --allow-private to allow it"},
		{[]string{"http://[::1]/hook"}, 1, "use --allow-private to allow it"},
		{[]string{"http://10.0.0.8/hook"}, 1, "use --allow-private to allow it"},
		{[]string{"ftp://hooks.example/x"}, 1, "watch webhook: url: "},
		{[]string{"hooks.example/x"}, 1, "watch webhook: url: "},
		{[]string{"https://hooks.example/x", "--secret", "short"}, 1, "webhook secret: 5 bytes, at least 16"},
	} {
		args := append([]string{"watch", "webhook", "1"}, tc.args...)
		code, _, errOut := run(t, "", append(args, "--db", db)...)
		if code != tc.code || !strings.Contains(errOut, tc.err) || strings.Count(strings.TrimSpace(errOut), "\n") != 0 {
			t.Errorf("%v: exit %d, stderr %q; want exit %d and one line with %q", tc.args, code, errOut, tc.code, tc.err)
		}
	}
	if hook := storedWebhook(t, db); hook != nil {
		t.Fatalf("a refused webhook was stored: %+v", hook)
	}
	for _, tc := range []struct {
		args []string
		code int
		err  string
	}{
		{[]string{"watch", "webhook", "--db", db}, 2, "watch webhook: name the watchlist"},
		{[]string{"watch", "webhook", "1", "https://a.example", "extra", "--db", db}, 2, "too many arguments"},
		{[]string{"watch", "webhook", "1", "https://a.example", "--remove", "--db", db}, 2, "--remove takes the watchlist alone"},
		{[]string{"watch", "webhook", "1", "--secret", "0123456789abcdef0", "--db", db}, 2, "--secret goes with a URL"},
		{[]string{"watch", "webhook", "42", "https://a.example", "--db", db}, 1, "no such watchlist"},
		{[]string{"watch", "webhook", "nope", "--remove", "--db", db}, 1, `"nope": no such watchlist`},
		{[]string{"watch", "webhook", "1", "--db", filepath.Join(t.TempDir(), "none.db")}, 1, "no database at"},
	} {
		code, _, errOut := run(t, "", tc.args...)
		if code != tc.code || !strings.Contains(errOut, tc.err) || strings.Count(strings.TrimSpace(errOut), "\n") != 0 {
			t.Errorf("%v: exit %d, stderr %q; want exit %d and one line with %q", tc.args[2:], code, errOut, tc.code, tc.err)
		}
	}
	code, out, errOut := run(t, "", "watch", "webhook", "1", "http://10.0.0.8/hook", "--allow-private", "--db", db)
	if hook := storedWebhook(t, db); code != 0 || hook == nil || hook.URL != "http://10.0.0.8/hook" {
		t.Errorf("--allow-private: exit %d, %q %q, stored %+v", code, out, errOut, hook)
	}
	if code, out, _ := run(t, "", "watch", "webhook", "--help"); code != 0 || !strings.Contains(out, "usage: newsgraph watch webhook ID [URL [--secret S]] | ID --remove") ||
		!strings.Contains(out, "-allow-private") {
		t.Errorf("watch webhook --help: exit %d, %q", code, out)
	}
}
