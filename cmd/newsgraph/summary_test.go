package main

import (
	"strings"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/internal/news"
)

// extract --format summary prints the README's short view, and never a
// JSON escape.
func TestExtractFormatSummary(t *testing.T) {
	code, out, errOut := run(t, "", "extract", "--format", "summary", "--published", "2025-03-04", "../../examples/border-denial.txt")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, want := range []string{
		"title          Ministry denies report of troops crossing the border\n",
		"published      2025-03-04 (flag)\n",
		"entities       E", "Amina Qureshi", "quotes         Q", "“The report is patently false.”", "events         V", "dates          ",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("summary lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, `\"`) || strings.Contains(out, `\u`) || strings.HasPrefix(out, "{") {
		t.Errorf("summary shows JSON:\n%s", out)
	}
	// Not a terminal: JSON by default.
	if _, out, _ := run(t, "", "extract", "../../examples/border-denial.txt"); !strings.HasPrefix(out, "{") {
		t.Errorf("extract to a pipe printed %.40q, want JSON", out)
	}
	if code, _, errOut := run(t, "", "extract", "--format", "summary", "--jsonl", "../../examples/border-denial.txt"); code != 2 {
		t.Errorf("--format summary --jsonl: exit %d, %s; want 2", code, errOut)
	}
}

func TestSummarySections(t *testing.T) {
	doc := &news.Doc{Source: "a.txt", Text: "x", Published: time.Date(2015, 2, 19, 0, 0, 0, 0, time.UTC), PublishedSource: news.PublishedFromDateline,
		Entities:       []news.Entity{{ID: "E1", Type: "PER", Name: "Chaudhry Nisar", Titles: []string{"Interior Minister"}, Aliases: []string{"Nisar"}}},
		Quotes:         []news.Quote{{ID: "Q1", Kind: "direct", Speaker: "E1", Text: "It has \"no\" presence\u00a0here"}},
		Claims:         []news.Claim{{ID: "C1", SpeakerName: "Chaudhry Nisar", Stance: "deny", Predicate: "presence", SubjectName: "Islamic State", ObjectName: "Pakistan"}},
		Contradictions: []news.Contradiction{{Kind: "opposite", Claims: []string{"C1", "C2"}, Why: "a threat presupposes reach"}},
	}
	var b strings.Builder
	if err := writeSummary(&b, doc); err != nil {
		t.Fatal(err)
	}
	want := `source         a.txt
title          (none)
published      2015-02-19 (dateline)
entities       E1    PER  Chaudhry Nisar  titles [Interior Minister]  aliases [Nisar]
quotes         Q1   direct    Chaudhry Nisar: “It has "no" presence here”
claims         C1   Chaudhry Nisar deny presence (Islamic State, Pakistan)
contradictions opposite C1 / C2: a threat presupposes reach
`
	if b.String() != want {
		t.Errorf("summary:\n%s\nwant:\n%s", b.String(), want)
	}
}
