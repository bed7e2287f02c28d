package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"
)

// errHelpShown means a command printed its help on request: exit status 0.
var errHelpShown = errors.New("help shown")

// newFlagSet returns a flag set for a command whose --help prints usage
// (a synopsis line and a paragraph for first-time users) and the flags.
func newFlagSet(env *environment, name, synopsis, about string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Usage = func() {
		w := env.stdout
		fmt.Fprintf(w, "usage: newsgraph %s %s\n\n%s\n", name, synopsis, strings.TrimSpace(about))
		hasFlags := false
		fs.VisitAll(func(*flag.Flag) { hasFlags = true })
		if hasFlags {
			fmt.Fprintln(w, "\nflags:")
			fs.SetOutput(w)
			fs.PrintDefaults()
			fs.SetOutput(io.Discard)
		}
	}
	return fs
}

// parseFlags parses args, turning -h/--help into errHelpShown (after
// printing the usage) and any other flag error into a usageError. Flags
// may come before, between and after the positional arguments ("extract
// FILE --pretty"); after "--" everything is positional. Afterwards
// fs.Args() holds the positional arguments in their order.
func parseFlags(fs *flag.FlagSet, args []string) error {
	var positional []string
	for {
		if err := parseFlagRun(fs, args); err != nil {
			return err
		}
		left := fs.Args()
		if used := len(args) - len(left); used > 0 && args[used-1] == "--" {
			positional = append(positional, left...)
			break
		}
		if len(left) == 0 {
			break
		}
		positional = append(positional, left[0])
		args = left[1:]
	}
	// Parsing "--" and the positional arguments sets nothing and leaves
	// them as fs.Args().
	return fs.Parse(append([]string{"--"}, positional...))
}

// parseFlagRun parses the flags at the head of args, up to the first
// positional argument.
func parseFlagRun(fs *flag.FlagSet, args []string) error {
	// The flag package calls Usage on every parse error; only --help
	// should print it.
	usage := fs.Usage
	fs.Usage = func() {}
	err := fs.Parse(args)
	fs.Usage = usage
	if errors.Is(err, flag.ErrHelp) {
		usage()
		return errHelpShown
	}
	if err != nil {
		return &usageError{msg: fmt.Sprintf("%s: %v (run 'newsgraph %s --help')", fs.Name(), err, fs.Name())}
	}
	return nil
}

const overview = `newsgraph turns news articles into knowledge: who is mentioned (people,
organisations, places, with all their names), who said what (direct and indirect
quotes with their speakers), what happened, where and when, and where officials
contradict each other. Each article becomes one JSON document (the article
contract); see README.md.

usage: newsgraph COMMAND [flags] [arguments]

commands:
`

func writeOverview(w io.Writer) {
	fmt.Fprint(w, overview)
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-15s %s\n", c.name, c.summary)
	}
	fmt.Fprint(w, `
Run 'newsgraph COMMAND --help' for what a command does and its flags.
A first try: newsgraph extract article.txt
`)
}

func runHelp(env *environment, args []string) error {
	fs := newFlagSet(env, "help", "[COMMAND]", "Explains newsgraph, or one command when you name it.")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	switch fs.NArg() {
	case 0:
		writeOverview(env.stdout)
		return nil
	case 1:
		for _, c := range commands() {
			if c.name == fs.Arg(0) {
				return c.run(env, []string{"--help"})
			}
		}
		return &usageError{msg: fmt.Sprintf("help: unknown command %q", fs.Arg(0))}
	default:
		return &usageError{msg: "help: name at most one command"}
	}
}

func runVersion(env *environment, args []string) error {
	fs := newFlagSet(env, "version", "", "Prints the newsgraph version.")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return &usageError{msg: "version: takes no arguments"}
	}
	fmt.Fprintf(env.stdout, "newsgraph %s\n", version)
	return nil
}
