package main

import (
	"context"
	"flag"
	"log"
	"sync"

	"github.com/newsgraph/newsgraph/internal/alert"
)

// webhookFlags registers serve's flags of webhook deliveries in c, which
// starts as alert.DefaultConfig.
func webhookFlags(fs *flag.FlagSet, c *alert.Config) {
	*c = alert.DefaultConfig()
	fs.IntVar(&c.MaxAttempts, "webhook-tries", c.MaxAttempts, "tries of a webhook delivery before it is marked failed")
	fs.DurationVar(&c.Backoff, "webhook-backoff", c.Backoff, "wait after a webhook's first failed try; it doubles after each further one")
	fs.DurationVar(&c.MaxBackoff, "webhook-backoff-max", c.MaxBackoff, "the longest wait between two tries of a webhook delivery")
	fs.DurationVar(&c.Timeout, "webhook-timeout", c.Timeout, "one webhook try gives up after this long (a receiver that hangs)")
	fs.IntVar(&c.Workers, "webhook-workers", c.Workers, "webhook deliveries sent at once")
	fs.IntVar(&c.MaxQueue, "webhook-queue", c.MaxQueue, "most deliveries waiting for one watchlist's webhook; the oldest beyond it are given up")
	fs.DurationVar(&c.Poll, "webhook-poll", c.Poll, "how often the outbox is read for deliveries that are due")
	fs.BoolVar(&c.AllowPrivate, "webhook-allow-private", false, "let webhooks reach loopback, private and link-local addresses")
}

// startDeliverer starts the webhook deliverer of store's outbox on its
// own goroutine, logging failed tries on the server's log, and returns a
// function that waits for it to stop once ctx is done.
func startDeliverer(ctx context.Context, env *environment, store appStore, cfg alert.Config) (wait func(), err error) {
	ws, ok := store.(watchingStore)
	if !ok {
		return func() {}, nil // a store without webhooks has nothing to deliver
	}
	cfg.Log = log.New(env.stderr, "newsgraph serve: ", 0)
	d, err := alert.NewDeliverer(ws, cfg)
	if err != nil {
		return nil, err
	}
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		d.Run(ctx)
	}()
	return wg.Wait, nil
}
