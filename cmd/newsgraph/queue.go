package main

import (
	"context"
	"encoding/json"
	"fmt"
	"strconv"
	"time"

	"github.com/newsgraph/newsgraph/internal/jetstream"
)

const queueAbout = `Looks after the NATS JetStream work queue of 'newsgraph worker':

  queue stats             jobs waiting or running, and dead letters
  queue dead              list the dead letters: jobs that failed --max-deliver
                          times (or could not be read at all), with their error
  queue replay SEQ...     put those dead letters back on the queue for another
                          round of tries (after fixing the cause)
  queue replay --all      put every dead letter back

Examples:
  newsgraph queue dead --queue nats://127.0.0.1:4222
  newsgraph queue replay --queue nats://127.0.0.1:4222 17 18`

func runQueue(env *environment, args []string) error {
	fs := newFlagSet(env, "queue", "stats|dead|replay [flags] [SEQ...]", queueAbout)
	var cfg jetstream.Config
	addQueueFlag(fs, &cfg)
	format := fs.String("format", "table", "output of stats and dead: table or json")
	limit := fs.Int("limit", 1000, "dead: list at most this many dead letters, the oldest (0: all)")
	all := fs.Bool("all", false, "replay: every dead letter")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	usage := func(msg string) error {
		return &usageError{msg: "queue: " + msg + " (run 'newsgraph queue --help')"}
	}
	if err := outputFormat("queue", *format, "table", "json"); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return usage("name an action: stats, dead or replay")
	}
	if cfg.URL == "" {
		return usage("name the queue with --queue nats://HOST:4222 (or $NEWSGRAPH_QUEUE)")
	}
	action, rest := fs.Arg(0), fs.Args()[1:]
	var seqs []uint64
	switch action {
	case "stats", "dead":
		if len(rest) > 0 {
			return usage(action + " takes no arguments")
		}
	case "replay":
		if (len(rest) == 0) == !*all {
			return usage("replay takes the SEQ numbers 'queue dead' lists, or --all")
		}
		for _, a := range rest {
			n, err := strconv.ParseUint(a, 10, 64)
			if err != nil || n == 0 {
				return usage(fmt.Sprintf("replay: %q is no SEQ number", a))
			}
			seqs = append(seqs, n)
		}
	default:
		return usage(fmt.Sprintf("unknown action %q: stats, dead or replay", action))
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	q, err := jetstream.Open(ctx, cfg)
	if err != nil {
		return err
	}
	defer q.Close()
	switch action {
	case "stats":
		return queueStats(ctx, env, q, *format)
	case "dead":
		return queueDead(ctx, env, q, *format, *limit)
	}
	n, err := q.Replay(ctx, seqs...)
	fmt.Fprintf(env.stdout, "queue: %s put back on the queue\n", plural(n, "dead letter"))
	return err
}

func queueStats(ctx context.Context, env *environment, q *jetstream.Queue, format string) error {
	depth, err := q.Depth(ctx)
	if err != nil {
		return err
	}
	dead, err := q.DeadCount(ctx)
	if err != nil {
		return err
	}
	if format == "json" {
		fmt.Fprintf(env.stdout, "{\"jobs\":%d,\"dead\":%d}\n", depth, dead)
		return nil
	}
	w := newTable(env.stdout)
	fmt.Fprintf(w, "jobs\t%d\twaiting or running\n", depth)
	fmt.Fprintf(w, "dead\t%d\tsee 'newsgraph queue dead'\n", dead)
	return w.Flush()
}

func queueDead(ctx context.Context, env *environment, q *jetstream.Queue, format string, limit int) error {
	dead, err := q.Dead(ctx, limit)
	if err != nil {
		return err
	}
	if format == "json" {
		for _, d := range dead {
			d.Job.Data = nil // the article's bytes; replay keeps them
			line, err := json.Marshal(d)
			if err != nil {
				return err
			}
			fmt.Fprintf(env.stdout, "%s\n", line)
		}
		return nil
	}
	w := newTable(env.stdout)
	fmt.Fprintln(w, "SEQ\tKIND\tSOURCE\tTRIES\tFAILED\tERROR")
	for _, d := range dead {
		source := d.Job.Source
		if d.Raw != "" {
			source = "(not a job)"
		}
		fmt.Fprintf(w, "%d\t%s\t%s\t%d\t%s\t%s\n", d.Seq, d.Job.Kind, source, d.Deliveries, d.Failed.Format(time.RFC3339), d.Error)
	}
	if len(dead) == 0 {
		fmt.Fprintln(w, "(no dead letters)")
	}
	return w.Flush()
}
