package main

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/internal/news"
	"github.com/newsgraph/newsgraph/internal/newstest"
	"github.com/newsgraph/newsgraph/internal/sqlite"
)

// TestEntityTopNarrowed: 'entity --top' narrows to the articles that
// mention a place in a country (--country) and to a publication window
// (--from, --to), counting each entity's articles among those; bad values
// are one-line usage errors.
func TestEntityTopNarrowed(t *testing.T) {
	db := filepath.Join(t.TempDir(), "news.db")
	ctx := context.Background()
	s, err := sqlite.Open(ctx, sqlite.Config{Path: db})
	if err != nil {
		t.Fatal(err)
	}
	pk := &news.Place{Country: "PK", Lat: 30, Lon: 70, Feature: "country"}
	ir := &news.Place{Country: "IR", Lat: 32, Lon: 53, Feature: "country"}
	for i, d := range []struct {
		date, person, place string
		where               *news.Place
	}{
		{"2015-02-16", "Chaudhry Nisar", "Pakistan", pk},
		{"2015-03-02", "Chaudhry Nisar", "Pakistan", pk},
		{"2015-02-20", "Javad Zarif", "Iran", ir},
	} {
		newstest.MustPut(t, s, newstest.MustDoc(t, newstest.DocSpec{Source: d.person + d.date + ".txt", Published: d.date,
			Text:     d.person + " spoke in " + d.place + ".\n" + newstest.Filler(i+1, 60),
			Entities: []newstest.Ent{{ID: "E1", Type: "PER", Name: d.person}, {ID: "E2", Type: "LOC", Name: d.place, Place: d.where}}}))
	}
	s.Close()
	for _, c := range []struct {
		args      []string
		want, not string
	}{
		{[]string{"--top", "5", "--type", "PER"}, "2\tChaudhry Nisar", ""},
		{[]string{"--top", "5", "--type", "PER", "--country", "ir"}, "1\tJavad Zarif", "Nisar"},
		{[]string{"--top", "5", "--type", "PER", "--from", "2015-02-01", "--to", "2015-02-28"}, "1\tChaudhry Nisar", "2\tChaudhry Nisar"},
		{[]string{"--top", "5", "--from", "2015-03-01"}, "1\tPakistan", "Iran"},
	} {
		code, out, errOut := run(t, "", append([]string{"entity", "--db", db}, c.args...)...)
		if code != 0 || !strings.Contains(out, c.want) || c.not != "" && strings.Contains(out, c.not) {
			t.Errorf("entity %v: exit %d, out %q, err %q; want %q and not %q", c.args, code, out, errOut, c.want, c.not)
		}
	}
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"--top", "5", "--country", "Pakistan"}, "not a two-letter ISO country code"},
		{[]string{"--top", "5", "--from", "Feb 2015"}, "--from \"Feb 2015\" is not a date"},
		{[]string{"--country", "PK", "Nisar"}, "narrow --top N"},
	} {
		code, _, errOut := run(t, "", append([]string{"entity", "--db", db}, c.args...)...)
		if code != 2 || !strings.Contains(errOut, c.want) || strings.Count(strings.TrimSpace(errOut), "\n") > 0 {
			t.Errorf("entity %v: exit %d, stderr %q; want exit 2 and one line with %q", c.args, code, errOut, c.want)
		}
	}
}
