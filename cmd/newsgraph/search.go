package main

import (
	"bufio"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/newsgraph/newsgraph/internal/api"
	"github.com/newsgraph/newsgraph/internal/news"
)

const searchAbout = `Finds stored articles by their words, best match first. Every word must
occur (in any form of case and accents); "quoted words" must occur as a
phrase; word* matches words starting with "word" (3 letters at least); OR
between two words accepts either; NOT word or -word (or -"a phrase")
excludes the articles that have it (-word with one dash is a query word
unless it is one of the flags below: write -- before a word such as
-limit). Field filters in the query narrow the
articles like the flags below: entity:NAME (quote a name with spaces:
entity:"Chaudhry Nisar"), place:NAME (a place), type:PER|ORG|LOC|MISC,
from:YYYY-MM-DD and to:YYYY-MM-DD. A search may have 16 different words
(excluded words and field filters count), and its prefixes may stand for
500 indexed words together (serve's --search-words, --search-prefix and
--search-prefix-words set these for the server). A query that cannot be run
(a bad date, NOT before nothing) is refused with a hint. Flags narrow the
articles too: --entity NAME (articles that mention that person, group or
place under any of its names), --type (the entity type; alone: articles
mentioning any entity of that type), --since and --until (publication
dates, inclusive), --lang (the language detected, as
the contract writes it: en, de, ko, und...). With filters only, the newest
articles come first. When the newest 10,000 stored articles hold a full page
of matches (a very common word), the best of those are shown, which keeps
such searches fast; --all ranks every match in the database. The table ends
with the number of matching articles in all.

Examples:
  newsgraph search islamic state pakistan
  newsgraph search --entity "Chaudhry Nisar" --since 2015-01-01 denied
  newsgraph search --format json '"interior minister"'
  newsgraph search 'pakistan -cricket place:Quetta from:2015-01-01'
  newsgraph search pakistan -cricket --since 2015-01-01
  newsgraph search -- -cricket type:PER
  newsgraph search --lang ko 공청회를`

// parseInterspersed parses args with parseFlags, which lets flags follow
// the positional arguments too ("newsgraph entity Pakistan --limit 3"), and
// returns the positional arguments. After "--" everything is positional.
func parseInterspersed(fs *flag.FlagSet, args []string) ([]string, error) {
	if err := parseFlags(fs, args); err != nil {
		return nil, err
	}
	return fs.Args(), nil
}

// outputFormat checks a --format value against the allowed ones.
func outputFormat(cmd, value string, allowed ...string) error {
	for _, a := range allowed {
		if value == a {
			return nil
		}
	}
	return &usageError{msg: fmt.Sprintf("%s: unknown --format %q; use %s", cmd, value, strings.Join(allowed, ", "))}
}

// excludedWordsLast reorders search's arguments so that an excluded word
// written unquoted, -word with one dash and no flag of that name, is
// read as part of the query, not as an unknown flag: the flags (with the
// values of those that take one) come first, then "--" and the query
// words in their order. An unknown --name with two dashes stays a flag,
// so that a mistyped flag is still an error.
func excludedWordsLast(fs *flag.FlagSet, args []string) []string {
	var flags, words []string
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			words = append(words, args[i+1:]...)
			break
		}
		if len(a) < 2 || a[0] != '-' {
			words = append(words, a)
			continue
		}
		name, _, hasValue := strings.Cut(strings.TrimLeft(a, "-"), "=")
		f := fs.Lookup(name)
		if f == nil && a[1] != '-' && name != "h" && name != "help" {
			words = append(words, a)
			continue
		}
		flags = append(flags, a)
		if f != nil && !hasValue && !isBoolFlag(f) && i+1 < len(args) {
			flags = append(flags, args[i+1])
			i++
		}
	}
	return append(append(flags, "--"), words...)
}

// isBoolFlag reports whether f is a boolean flag (one that takes no value).
func isBoolFlag(f *flag.Flag) bool {
	b, ok := f.Value.(interface{ IsBoolFlag() bool })
	return ok && b.IsBoolFlag()
}

func checkDate(cmd, flag, value string) error {
	if value == "" {
		return nil
	}
	if _, err := time.Parse("2006-01-02", value); err != nil {
		return &usageError{msg: fmt.Sprintf("%s: --%s %q is not a date like 2015-02-19", cmd, flag, value)}
	}
	return nil
}

func checkType(cmd, value string) (string, error) {
	v := strings.ToUpper(value)
	switch v {
	case "", news.TypePER, news.TypeORG, news.TypeLOC, news.TypeMISC:
		return v, nil
	}
	return "", &usageError{msg: fmt.Sprintf("%s: --type %q is not PER, ORG, LOC or MISC", cmd, value)}
}

// checkLang checks a --lang value: two or three lower-case letters, as
// the contract writes language codes, or "" for any.
func checkLang(cmd, value string) error {
	if value == "" || len(value) >= 2 && len(value) <= 3 && strings.Trim(value, "abcdefghijklmnopqrstuvwxyz") == "" {
		return nil
	}
	return &usageError{msg: fmt.Sprintf("%s: --lang %q is not a language code (two or three lower-case letters, e.g. en, de, ko)", cmd, value)}
}

func runSearch(env *environment, args []string) error {
	fs := newFlagSet(env, "search", "[flags] [QUERY...]", searchAbout)
	db := addDBFlag(fs)
	format := fs.String("format", "table", "output: table, json or jsonl")
	var q news.SearchQuery
	fs.StringVar(&q.Entity, "entity", "", "only articles that mention the entity with this `NAME` or alias")
	typ := fs.String("type", "", "entity `TYPE`: PER, ORG, LOC or MISC")
	fs.StringVar(&q.Since, "since", "", "only articles published on or after `YYYY-MM-DD`")
	fs.StringVar(&q.Until, "until", "", "only articles published on or before `YYYY-MM-DD`")
	fs.StringVar(&q.Language, "lang", "", "only articles in this language: a `CODE` as in the contract (en, de, ko, und)")
	fs.IntVar(&q.Limit, "limit", 20, "at most this many articles")
	fs.BoolVar(&q.Exhaustive, "all", false, "rank every match, not only those among the newest 10,000 articles")
	words, err := parseInterspersed(fs, excludedWordsLast(fs, args))
	if err != nil {
		return err
	}
	if err := outputFormat("search", *format, "table", "json", "jsonl"); err != nil {
		return err
	}
	if q.Type, err = checkType("search", *typ); err != nil {
		return err
	}
	for _, d := range [][2]string{{"since", q.Since}, {"until", q.Until}} {
		if err := checkDate("search", d[0], d[1]); err != nil {
			return err
		}
	}
	if err := checkLang("search", q.Language); err != nil {
		return err
	}
	q.Text = strings.Join(words, " ")
	if strings.TrimSpace(q.Text) == "" && q.Entity == "" && q.Type == "" && q.Since == "" && q.Until == "" && q.Language == "" {
		return &usageError{msg: "search: give a QUERY or a filter (run 'newsgraph search --help')"}
	}
	ctx := context.Background()
	store, err := openStore(ctx, *db, true)
	if err != nil {
		return fmt.Errorf("search: %w", err)
	}
	defer store.Close()
	hits, err := store.Search(ctx, q)
	if err != nil {
		return fmt.Errorf("search: %w", err)
	}
	if err := writeSearch(env.stdout, *format, hits); err != nil || *format != "table" || len(hits) == 0 {
		return err
	}
	total, err := store.CountSearch(ctx, q)
	if err != nil {
		return fmt.Errorf("search: %w", err)
	}
	_, err = fmt.Fprintf(env.stdout, "%s in all, %d shown\n", articlesCount(total), len(hits))
	return err
}

// articlesCount writes n articles with thousands separators, as the web
// UI does: "1 article", "1,234 articles".
func articlesCount(n int) string {
	if n == 1 {
		return "1 article"
	}
	return thousands(n) + " articles"
}

// thousands writes n with commas between groups of three digits.
func thousands(n int) string {
	s := strconv.Itoa(n)
	if n < 0 {
		return "-" + thousands(-n)
	}
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

func writeSearch(w io.Writer, format string, hits []news.SearchHit) error {
	out := api.Hits(hits) // the API's view of a hit, copies included
	if format != "table" {
		return writeJSON(w, format, out)
	}
	bw := bufio.NewWriter(w)
	if len(hits) == 0 {
		fmt.Fprintln(bw, "no articles found")
	}
	for _, h := range out {
		copies := ""
		if n := len(h.Copies); n > 0 {
			copies = fmt.Sprintf("  (+%d copies)", n)
		}
		lang := ""
		if h.Language != news.LangEnglish && h.Language != "" {
			lang = "  [" + h.Language + "]"
		}
		fmt.Fprintf(bw, "%d\t%s\t%s%s%s\n", h.ID, orDash(string(h.Published)), articleName(string(h.Title), string(h.URL), string(h.Source)), lang, copies)
		if h.Snippet != "" {
			fmt.Fprintf(bw, "\t%s\n", h.Snippet)
		}
	}
	return bw.Flush()
}

// writeJSON writes v (a slice) as one JSON array, or one line per element
// with jsonl.
func writeJSON[T any](w io.Writer, format string, v []T) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	if format == "jsonl" {
		for _, x := range v {
			if err := enc.Encode(x); err != nil {
				return err
			}
		}
		return nil
	}
	if v == nil {
		v = []T{}
	}
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// articleName is how an article is named in tables: its title, else its
// URL, else its source.
func articleName(title, url, source string) string {
	switch {
	case title != "":
		return title
	case url != "":
		return url
	}
	return source
}

func newTable(w io.Writer) *tabwriter.Writer {
	return tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
}
