// Command newsgraph turns news articles into knowledge: entities, quotes,
// events, places, dates, claims and contradictions. See README.md.
package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
)

// version is set at build time with -ldflags "-X main.version=...".
var version = "0.1.0-dev"

// command is one subcommand. run gets the arguments after the command name
// and returns an error to report; usageError marks wrong usage (exit 2).
type command struct {
	name    string
	summary string
	run     func(env *environment, args []string) error
}

// environment is what a command may touch of the outside world, so that
// tests can run commands in-process.
type environment struct {
	stdin  io.Reader
	stdout io.Writer
	stderr io.Writer
}

// commands lists every subcommand in the order `newsgraph help` shows them.
// It is the one place where commands are wired.
func commands() []command {
	return []command{
		{"extract", "turn articles (text, HTML, stdin) into contract JSON", runExtract},
		{"ner", "tag named entities in a CoNLL file (--conll)", runNER},
		{"train", "train a model (ner) from data", runTrain},
		{"ingest", "read files, directories, URLs and feeds into the database", runIngest},
		{"search", "find stored articles by words, entity and date", runSearch},
		{"entity", "what the database knows about a person, group or place", runEntity},
		{"quotes", "stored quotes, by speaker", runQuotes},
		{"contradictions", "claims that contradict each other, within and across articles", runContradictions},
		{"watch", "watchlists: rules that alert on what articles say (add, list, show, rm, test, webhook)", runWatch},
		{"stats", "count what the database holds", runStats},
		{"export", "write the database as JSON Lines or GDELT-GKG-like CSV", runExport},
		{"serve", "web UI and JSON API over the database", runServe},
		{"worker", "run jobs from the NATS JetStream work queue (--queue) into the database", runWorker},
		{"queue", "the work queue: stats, dead letters, replay", runQueue},
		{"token", "print a new random API token for serve", runToken},
		{"setup", "download GeoNames and build the place index (or --from DIR)", runSetup},
		{"version", "print the version", runVersion},
		{"help", "explain newsgraph or one command", runHelp},
	}
}

// usageError is wrong usage of a command: exit status 2.
type usageError struct{ msg string }

func (e *usageError) Error() string { return e.msg }

// partialError says that some inputs failed but were reported already:
// exit status 1 with no further message.
type partialError struct{ failed, total int }

func (e *partialError) Error() string {
	return fmt.Sprintf("%d of %d inputs failed", e.failed, e.total)
}

func main() {
	env := &environment{stdin: os.Stdin, stdout: os.Stdout, stderr: os.Stderr}
	os.Exit(runMain(env, os.Args[1:]))
}

// runMain dispatches args to a command and returns the exit status:
// 0 success, 1 failure, 2 wrong usage.
func runMain(env *environment, args []string) int {
	if len(args) == 0 {
		writeOverview(env.stderr)
		return 2
	}
	name := args[0]
	if name == "--help" || name == "-h" || name == "-help" {
		writeOverview(env.stdout)
		return 0
	}
	if name == "--version" || name == "-version" {
		name = "version"
	}
	for _, c := range commands() {
		if c.name == name {
			return exitStatus(env, c.run(env, args[1:]))
		}
	}
	fmt.Fprintf(env.stderr, "newsgraph: unknown command %q (run 'newsgraph help' for the list)\n", name)
	return 2
}

func exitStatus(env *environment, err error) int {
	var ue *usageError
	var pe *partialError
	switch {
	case err == nil:
		return 0
	case errors.As(err, &ue):
		fmt.Fprintf(env.stderr, "newsgraph: %s\n", oneLine(err.Error()))
		return 2
	case errors.As(err, &pe):
		if pe.total > 1 { // a lone input's error was the whole story
			fmt.Fprintf(env.stderr, "newsgraph: %s\n", pe.Error())
		}
		return 1
	case errors.Is(err, errHelpShown):
		return 0
	default:
		fmt.Fprintf(env.stderr, "newsgraph: %s\n", oneLine(err.Error()))
		return 1
	}
}

// oneLine keeps an error message on one line of the terminal.
func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}
