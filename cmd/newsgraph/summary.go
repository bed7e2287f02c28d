package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/newsgraph/newsgraph/internal/news"
)

// summaryQuoteRunes is the longest quote text the summary view prints;
// longer ones are cut with "...".
const summaryQuoteRunes = 90

// writeSummary writes the abridged, human-readable view of one extracted
// document that README.md shows: its header, then entities with titles,
// aliases and places, who said what, events, dates, claims and
// contradictions, one item a line. Empty sections are left out. Text is
// printed as written, between typographic quotes, never with escapes.
func writeSummary(w io.Writer, doc *news.Doc) error {
	var b strings.Builder
	summaryHeader(&b, doc)
	names := make(map[string]string, len(doc.Entities))
	for _, e := range doc.Entities {
		names[e.ID] = e.Name
	}
	section(&b, "entities", summaryEntities(doc.Entities))
	section(&b, "quotes", summaryQuotes(doc.Quotes, names))
	section(&b, "events", summaryEvents(doc.Events, names))
	section(&b, "dates", summaryDates(doc.Dates))
	section(&b, "claims", summaryClaims(doc.Claims))
	section(&b, "contradictions", summaryContradictions(doc.Contradictions))
	_, err := io.WriteString(w, b.String())
	return err
}

func summaryHeader(b *strings.Builder, doc *news.Doc) {
	orNone := func(s string) string {
		if s == "" {
			return "(none)"
		}
		return s
	}
	published := "(none)"
	if !doc.Published.IsZero() {
		published = doc.Published.Format("2006-01-02") + " (" + doc.PublishedSource + ")"
	}
	fmt.Fprintf(b, "%-14s %s\n%-14s %s\n%-14s %s\n", "source", orNone(doc.Source), "title", orNone(doc.Title), "published", published)
	if doc.URL != "" {
		fmt.Fprintf(b, "%-14s %s\n", "url", doc.URL)
	}
	if doc.Language != "" && doc.Language != news.LangEnglish {
		fmt.Fprintf(b, "%-14s %s\n", "language", doc.Language)
	}
}

// section writes a titled block of lines; the title stands on the first.
func section(b *strings.Builder, title string, lines []string) {
	for i, l := range lines {
		if i == 0 {
			fmt.Fprintf(b, "%-14s %s\n", title, l)
		} else {
			fmt.Fprintf(b, "%-14s %s\n", "", l)
		}
	}
}

func summaryEntities(es []news.Entity) []string {
	var out []string
	for _, e := range es {
		l := fmt.Sprintf("%-5s %-4s %s", e.ID, e.Type, e.Name)
		if len(e.Titles) > 0 {
			l += "  titles [" + strings.Join(e.Titles, ", ") + "]"
		}
		if len(e.Aliases) > 0 {
			l += "  aliases [" + strings.Join(e.Aliases, ", ") + "]"
		}
		if p := e.Place; p != nil {
			l += "  place " + p.Country
			if p.HasPoint() {
				l += fmt.Sprintf(" %.2f,%.2f", p.Lat, p.Lon)
			}
			l += " (" + p.Feature + ")"
		}
		out = append(out, l)
	}
	return out
}

func summaryQuotes(qs []news.Quote, names map[string]string) []string {
	var out []string
	for _, q := range qs {
		speaker := names[q.Speaker]
		if speaker == "" {
			speaker = string(q.Sourcing)
			if q.SpeakerMention != nil {
				speaker = fmt.Sprintf("%s (“%s”)", q.Sourcing, q.SpeakerMention.Text)
			}
		}
		out = append(out, fmt.Sprintf("%-4s %-9s %s: “%s”", q.ID, q.Kind, speaker, cut(q.Text, summaryQuoteRunes)))
	}
	return out
}

func summaryEvents(vs []news.Event, names map[string]string) []string {
	var out []string
	for _, v := range vs {
		l := fmt.Sprintf("%-4s %s “%s”", v.ID, v.Type, v.Trigger.Text)
		if a := names[v.Actor]; a != "" {
			l += " by " + a
		}
		if t := names[v.Target]; t != "" {
			l += " on " + t
		}
		if p := names[v.Place]; p != "" {
			l += " in " + p
		}
		if v.Date != "" {
			l += " (" + v.Date + ")"
		}
		if v.Negated {
			l += " [negated]"
		}
		out = append(out, l)
	}
	return out
}

func summaryDates(ds []news.DateRef) []string {
	var out []string
	for _, d := range ds {
		value := d.Value
		if value == "" {
			value = "unresolved"
		}
		out = append(out, fmt.Sprintf("“%s” %s", d.Text, value))
	}
	return out
}

func summaryClaims(cs []news.Claim) []string {
	var out []string
	for _, c := range cs {
		speaker := c.SpeakerName
		if speaker == "" {
			speaker = "unattributed"
		}
		args := strings.Join(presentNames(c.SubjectName, c.ObjectName), ", ")
		out = append(out, fmt.Sprintf("%-4s %s %s %s (%s)", c.ID, speaker, c.Stance, c.Predicate, args))
	}
	return out
}

func summaryContradictions(cs []news.Contradiction) []string {
	var out []string
	for _, c := range cs {
		out = append(out, fmt.Sprintf("%s %s: %s", c.Kind, strings.Join(c.Claims, " / "), c.Why))
	}
	return out
}

// presentNames returns the names that are not empty.
func presentNames(ss ...string) []string {
	var out []string
	for _, s := range ss {
		if s != "" {
			out = append(out, s)
		}
	}
	return out
}

// cut shortens s to at most n runes, ending it with "..." when cut.
func cut(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > n {
		return string(r[:n-3]) + "..."
	}
	return s
}

// quoted puts s between typographic quotes for a table, its white space
// (new lines, no-break spaces) made single spaces: as written, never with
// the escapes of %q or JSON.
func quoted(s string) string {
	return "“" + strings.Join(strings.Fields(s), " ") + "”"
}
