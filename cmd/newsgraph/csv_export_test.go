package main

import (
	"context"
	"encoding/csv"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/internal/news"
	"github.com/newsgraph/newsgraph/internal/newstest"
	"github.com/newsgraph/newsgraph/internal/sqlite"
)

// csvStore writes a store of two articles: a plain-text one (no URL) with
// a quote holding a comma and quotation marks, an event in a city and a
// region, and a web one with a claim.
func csvStore(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "news.db")
	db, err := sqlite.Open(context.Background(), sqlite.Config{Path: path})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	text := "Militants attacked a checkpoint in Quetta on Monday.\n" +
		"Chaudhry Nisar said the attack was \"cowardly, and futile\" in Kashmir.\n" + newstest.Filler(1, 60)
	doc := newstest.MustDoc(t, newstest.DocSpec{Source: "/data/quetta.txt", Title: "Checkpoint attacked", Published: "2015-02-16", Text: text,
		Entities: []newstest.Ent{
			{ID: "E1", Type: news.TypeLOC, Name: "Quetta"},
			{ID: "E2", Type: news.TypePER, Name: "Chaudhry Nisar"},
			{ID: "E3", Type: news.TypeLOC, Name: "Kashmir"},
		},
		Quotes: []news.Quote{{ID: "Q1", Kind: "direct", Text: `the attack was "cowardly, and futile"`, Speaker: "E2", Cue: "said", Sourcing: "named"}},
	})
	doc.Entities[0].Place = &news.Place{Country: "PK", Lat: 30.18, Lon: 67, Feature: "city", GeonamesID: 1167528}
	doc.Entities[2].Place = &news.Place{Lat: 34, Lon: 76, Feature: "region"}
	at := strings.Index(text, "attacked")
	doc.Events = []news.Event{{ID: "V1", Type: "ATTACK", Target: "", Place: "E1", Sentence: 0,
		Trigger: news.Mention{Span: news.Span{Start: at, End: at + 8}, Text: "attacked"}}}
	newstest.MustPut(t, db, doc)
	web := newstest.MustDoc(t, newstest.DocSpec{Source: "https://news.example/a", URL: "https://news.example/a", Published: "2015-02-17",
		Text:     "The Foreign Office said Islamic State has a presence in Pakistan.\n" + newstest.Filler(2, 60),
		Entities: []newstest.Ent{{ID: "E1", Type: news.TypeORG, Name: "Foreign Office"}, {ID: "E2", Type: news.TypeORG, Name: "Islamic State"}, {ID: "E3", Type: news.TypeLOC, Name: "Pakistan"}},
		Claims:   []news.Claim{{ID: "C1", Speaker: "E1", Polarity: "affirm", Subject: "E2", Predicate: "presence", Object: "E3"}},
	})
	newstest.MustPut(t, db, web)
	return path
}

func readCSV(t *testing.T, out string, tab bool) [][]string {
	t.Helper()
	r := csv.NewReader(strings.NewReader(out))
	if tab {
		r.Comma = '\t'
	}
	rows, err := r.ReadAll()
	if err != nil {
		t.Fatalf("not CSV: %v\n%s", err, out)
	}
	return rows
}

// column returns row's value in the column named name of header.
func column(t *testing.T, header, row []string, name string) string {
	t.Helper()
	for i, h := range header {
		if h == name {
			return row[i]
		}
	}
	t.Fatalf("no column %s in %v", name, header)
	return ""
}

// TestExportCSV: export --format quotes.csv, entities.csv, events.csv,
// claims.csv and gdelt-events write a header row and one row per item with
// the article's id, date, URL and sentence, quoted by RFC 4180.
func TestExportCSV(t *testing.T) {
	db := csvStore(t)
	cases := []struct {
		format string
		rows   int
		check  map[string]string // column: value in the first row
	}{
		{"quotes.csv", 1, map[string]string{"article_id": "1", "published": "2015-02-16", "source": "/data/quetta.txt", "speaker": "Chaudhry Nisar",
			"quote": `the attack was "cowardly, and futile"`, "sentence": `Chaudhry Nisar said the attack was "cowardly, and futile" in Kashmir.`}},
		{"entities.csv", 6, map[string]string{"entity_id": "E1", "name": "Quetta", "country": "PK", "lat": "30.18", "sentence": "Militants attacked a checkpoint in Quetta on Monday."}},
		{"events.csv", 1, map[string]string{"type": "ATTACK", "place": "Quetta", "trigger": "attacked", "sentence": "Militants attacked a checkpoint in Quetta on Monday."}},
		{"claims.csv", 1, map[string]string{"article_id": "2", "url": "https://news.example/a", "speaker": "Foreign Office", "predicate": "presence", "object": "Pakistan"}},
		{"gdelt-events", 1, map[string]string{"SQLDATE": "20150216", "EventType": "ATTACK", "ActionGeo_FullName": "Quetta", "ActionGeo_CountryCode": "PK",
			"ActionGeo_Lat": "30.18", "ActionGeo_Long": "67", "SOURCEURL": "/data/quetta.txt", "SentenceStart": "0", "SentenceEnd": "52"}},
	}
	for _, c := range cases {
		t.Run(c.format, func(t *testing.T) {
			code, out, errOut := run(t, "", "export", "--db", db, "--format", c.format)
			if code != 0 {
				t.Fatalf("exit %d: %s", code, errOut)
			}
			gdelt := c.format == "gdelt-events"
			if !gdelt && !strings.Contains(out, "\r\n") {
				t.Errorf("lines do not end in CRLF (RFC 4180)")
			}
			rows := readCSV(t, out, gdelt)
			if len(rows) != c.rows+1 {
				t.Fatalf("%d rows, want a header and %d:\n%s", len(rows), c.rows, out)
			}
			for col, want := range c.check {
				if got := column(t, rows[0], rows[1], col); got != want {
					t.Errorf("%s = %q, want %q", col, got, want)
				}
			}
		})
	}
	code, out, _ := run(t, "", "quotes", "--db", db, "--format", "csv")
	if rows := readCSV(t, out, false); code != 0 || len(rows) != 2 || column(t, rows[0], rows[1], "cue") != "said" {
		t.Errorf("quotes --format csv: exit %d\n%s", code, out)
	}
	code, out, _ = run(t, "", "entity", "--db", db, "--top", "2", "--format", "csv")
	if rows := readCSV(t, out, false); code != 0 || len(rows) != 3 || strings.Join(rows[0], ",") != "id,type,name,aliases,articles" {
		t.Errorf("entity --top 2 --format csv: exit %d\n%s", code, out)
	}
}

// TestExportGKGSourcesAndRegions: a plain-text article is a citation
// (collection 2), not a non-textual source (6); a region is no world city
// and stays out of the location columns.
func TestExportGKGSourcesAndRegions(t *testing.T) {
	db := csvStore(t)
	code, out, _ := run(t, "", "export", "--db", db, "--format", "gkg")
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if code != 0 || len(lines) != 3 {
		t.Fatalf("exit %d, %d lines:\n%s", code, len(lines), out)
	}
	file := strings.Split(lines[1], "\t")
	if file[2] != "2" || file[4] != "/data/quetta.txt" {
		t.Errorf("plain text: collection %q, identifier %q; want 2 and the file", file[2], file[4])
	}
	if strings.Contains(file[9], "Kashmir") || !strings.HasPrefix(file[9], "4#Quetta#PK#") {
		t.Errorf("locations %q: want Quetta as a world city and no Kashmir", file[9])
	}
	if !strings.Contains(file[23], "Kashmir") {
		t.Errorf("all names %q lack Kashmir", file[23])
	}
	if web := strings.Split(lines[2], "\t"); web[2] != "1" {
		t.Errorf("web article: collection %q, want 1", web[2])
	}
}
