package timex_test

import (
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/internal/extract/timex"
)

// FuzzFind checks that any text gives dates with spans inside it, on
// character boundaries, in order and not overlapping, with values that
// parse at their granularity. Seeds: the f.Add calls and testdata/fuzz.
func FuzzFind(f *testing.F) {
	for _, s := range []string{
		"The minister spoke on Monday.",
		"ISLAMABAD, 26 June 2005 — Troops left last year, officials said on Friday.",
		"He was arrested in December last year and it was only disclosed on January 22.",
		"2015-02-19 2015-13-45 Feb. 29, 2016 Feb. 29, 2015 the 31st of April",
		"a few days ago, two weeks ago, 999 years ago, in mid-June, earlier this year",
		"on on on Monday Monday last last next year year",
		"Jan.\n22 in\nMarch 12\u00a0March",
	} {
		f.Add(s, int64(1424304000)) // 2015-02-19
		f.Add(s, int64(0))
	}
	f.Fuzz(func(t *testing.T, text string, unix int64) {
		ref := time.Time{}
		if unix != 0 {
			ref = time.Unix(unix%(1<<34), 0).UTC() // within years 1970-2514 or before
		}
		prev := 0
		for _, d := range timex.Find(text, ref) {
			if d.Start < prev || d.End <= d.Start || d.End > len(text) {
				t.Fatalf("bad span [%d,%d) after %d in %q", d.Start, d.End, prev, text)
			}
			prev = d.End
			// Documents are valid UTF-8 (ingest sees to it); for other
			// input only the absence of panics and bad spans is checked.
			if utf8.ValidString(text) && (!utf8.RuneStart(text[d.Start]) || d.End < len(text) && !utf8.RuneStart(text[d.End])) {
				t.Fatalf("span [%d,%d) splits a character", d.Start, d.End)
			}
			if text[d.Start:d.End] != d.Text {
				t.Fatalf("text %q is not the span's %q", d.Text, text[d.Start:d.End])
			}
			layout := map[string]string{"day": "2006-01-02", "week": "2006-01-02", "month": "2006-01", "year": "2006"}[d.Granularity]
			if layout == "" {
				t.Fatalf("granularity %q", d.Granularity)
			}
			if d.Value != "" {
				if _, err := time.Parse(layout, d.Value); err != nil && !strings.HasPrefix(d.Value, "-") {
					t.Fatalf("value %q does not parse as %s: %v", d.Value, d.Granularity, err)
				}
			}
		}
	})
}
