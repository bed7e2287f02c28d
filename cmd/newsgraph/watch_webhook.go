package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/newsgraph/newsgraph/internal/alert"
	"github.com/newsgraph/newsgraph/internal/fetch"
)

const watchWebhookSynopsis = "ID [URL [--secret S]] | ID --remove"

const watchWebhookAbout = `Sets, shows or removes the webhook of a stored watchlist: the URL its
alerts are POSTed to, signed with HMAC-SHA256 ('newsgraph serve' delivers
them from the store's outbox; see README.md, 'Alert deliveries'). It does
what PUT and DELETE /api/watchlists/{id}/webhook do.

  watch webhook ID URL             set (or replace) the webhook; a random
                                   secret (32 bytes, hex) is made and shown
                                   once: give it to the receiver
  watch webhook ID URL --secret S  with the receiver's own secret (16 bytes
                                   or more; --secret - reads it from the
                                   first line of standard input, out of
                                   sight of ps)
  watch webhook ID                 show the webhook's URL (never its secret)
  watch webhook ID --remove        remove it; deliveries still waiting fail

ID is the watchlist's id or name. The URL must be http or https and may not
name localhost nor a loopback, private or link-local address (as ingest's
fetches; serve checks the address again when it connects), unless
--allow-private (serve then delivers there only with
--webhook-allow-private). Alerts fired after the webhook is set are
queued for it.

Examples:
  newsgraph watch webhook is-denials https://hooks.example/newsgraph
  newsgraph watch webhook 1 --remove`

// webhookCommand is what 'watch webhook' was asked to do.
type webhookCommand struct {
	db, ref, url, secret string
	remove, allowPrivate bool
}

// parseWatchWebhook parses 'watch webhook' and checks the words' usage.
func parseWatchWebhook(env *environment, args []string) (webhookCommand, error) {
	var c webhookCommand
	fs := newFlagSet(env, "watch webhook", watchWebhookSynopsis, watchWebhookAbout)
	db := addDBFlag(fs)
	fs.StringVar(&c.secret, "secret", "", "the webhook's `SECRET` (16 bytes or more; - reads a line of standard input; default a random one, shown once)")
	fs.BoolVar(&c.remove, "remove", false, "remove the watchlist's webhook")
	fs.BoolVar(&c.allowPrivate, "allow-private", false, "accept a URL on localhost or a loopback, private or link-local address")
	if err := parseFlags(fs, args); err != nil {
		return c, err
	}
	usage := func(msg string) error {
		return &usageError{msg: "watch webhook: " + msg + " (usage: newsgraph watch webhook " + watchWebhookSynopsis + ")"}
	}
	switch {
	case fs.NArg() == 0:
		return c, usage("name the watchlist")
	case fs.NArg() > 2:
		return c, usage("too many arguments")
	case c.remove && (fs.NArg() > 1 || c.secret != ""):
		return c, usage("--remove takes the watchlist alone")
	case c.secret != "" && fs.NArg() < 2:
		return c, usage("--secret goes with a URL")
	}
	c.db, c.ref = *db, fs.Arg(0)
	if fs.NArg() == 2 {
		c.url = fs.Arg(1)
	}
	return c, nil
}

// runWatchWebhook runs 'watch webhook'.
func runWatchWebhook(env *environment, args []string) error {
	c, err := parseWatchWebhook(env, args)
	if err != nil {
		return err
	}
	var hook alert.Webhook
	if c.url != "" {
		if hook, err = c.webhook(env); err != nil {
			return fmt.Errorf("watch webhook: %w", err)
		}
	}
	if err := c.apply(context.Background(), env, hook); err != nil {
		return fmt.Errorf("watch webhook: %w", err)
	}
	return nil
}

// webhook is the webhook to set, its URL and secret checked; a random
// secret when none was given.
func (c webhookCommand) webhook(env *environment) (alert.Webhook, error) {
	hook := alert.Webhook{URL: c.url, Secret: c.secret}
	// A refused address's error names --allow-private, this flag.
	if _, err := fetch.CheckURL(c.url, c.allowPrivate); err != nil {
		return hook, fmt.Errorf("url: %w", err)
	}
	switch c.secret {
	case "":
		hook.Secret = alert.NewSecret()
	case "-":
		line, err := bufio.NewReader(env.stdin).ReadString('\n')
		if line = strings.TrimRight(line, "\r\n"); line == "" && err != nil {
			return hook, fmt.Errorf("--secret -: no secret on standard input: %w", err)
		}
		hook.Secret = line
	}
	// The URL passed the check above; this checks the secret.
	return hook, hook.Check(true)
}

// apply sets hook (with a URL), shows or removes the webhook.
func (c webhookCommand) apply(ctx context.Context, env *environment, hook alert.Webhook) error {
	store, err := openWatchStore(ctx, c.db, true)
	if err != nil {
		return err
	}
	defer store.Close()
	hooks, ok := store.(alert.WebhookStore)
	if !ok {
		return errors.New("this database keeps no webhooks")
	}
	w, err := findWatchlist(ctx, store, c.ref)
	if err != nil {
		return err
	}
	switch {
	case c.remove:
		if err := hooks.DeleteWebhook(ctx, w.ID); err != nil {
			return err
		}
		fmt.Fprintf(env.stdout, "removed the webhook of watchlist %d %s\n", w.ID, w.Name)
	case c.url == "":
		got, err := hooks.Webhook(ctx, w.ID)
		if err != nil {
			return err
		}
		if got == nil {
			fmt.Fprintf(env.stdout, "watchlist %d %s has no webhook\n", w.ID, w.Name)
			return nil
		}
		fmt.Fprintf(env.stdout, "webhook of watchlist %d %s: %s\n", w.ID, w.Name, got.URL)
	default:
		if err := hooks.PutWebhook(ctx, w.ID, hook); err != nil {
			return err
		}
		fmt.Fprintf(env.stdout, "webhook of watchlist %d %s: %s\n", w.ID, w.Name, hook.URL)
		if c.secret == "" {
			fmt.Fprintf(env.stdout, "secret (shown once, for the receiver to verify X-Newsgraph-Signature): %s\n", hook.Secret)
		}
	}
	return nil
}
