package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"net/url"
	"os"
	"strconv"
	"strings"

	"github.com/newsgraph/newsgraph/internal/export"
	"github.com/newsgraph/newsgraph/internal/news"
)

const exportAbout = `Writes every stored article, in the order they were stored.

--format jsonl (the default) writes the article contract JSON of each article,
one per line: the same documents 'newsgraph extract' prints.

--format gkg writes one row per article in the layout of the GDELT Global
Knowledge Graph 2.1 (tab-separated, 27 columns, a header line first): record
id, date, source name, URL, locations (type#name#country#admin1#lat#lon#id),
persons, organisations (with their character offsets in the enhanced
columns), dates, quotations (offset|length|verb|quote) and all names; the
title goes in the extras XML. Columns that newsgraph does not compute (themes,
tone, GCAM, images, amounts) are empty. An article with a URL is a web
source (collection 1); one read from a file or standard input is a citation
(collection 2, its source in the document identifier column). Locations are
typed as GDELT types them: 1 country, 2 US state, 3 US city, 4 world city, 5
world state (first-level division); districts, regions (Kashmir, the Sahel)
and places known only by their country have no GDELT type and are left out
of the location columns (their names stay in V2.1ALLNAMES).

--format quotes.csv, entities.csv, events.csv or claims.csv writes one CSV row
per item (RFC 4180, a header row first): the article's id, publication date,
URL and source, the item's fields, and the sentence it stands in. --format
gdelt-events writes events as a GDELT-style table (tab-separated, a header
row first): GLOBALEVENTID, SQLDATE, Actor1Name, Actor1CountryCode,
EventType (PLOVER, not CAMEO), Actor2Name, Actor2CountryCode,
ActionGeo_FullName, ActionGeo_CountryCode, ActionGeo_Lat, ActionGeo_Long,
SOURCEURL, SentenceStart, SentenceEnd (code points) and Sentence; countries
are ISO 3166-1 alpha-2 and known for places only; negated events are left out.

Examples:
  newsgraph export > articles.jsonl
  newsgraph export --format gkg --out gkg.csv
  newsgraph export --format quotes.csv --out quotes.csv
  newsgraph export --format gdelt-events --out events.tsv`

func runExport(env *environment, args []string) error {
	fs := newFlagSet(env, "export", "[flags]", exportAbout)
	db := addDBFlag(fs)
	format := fs.String("format", "jsonl", "output: jsonl, gkg, quotes.csv, entities.csv, events.csv, claims.csv or gdelt-events")
	out := fs.String("out", "", "write to `FILE` instead of standard output")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if err := outputFormat("export", *format, "jsonl", "gkg", "quotes.csv", "entities.csv", "events.csv", "claims.csv", "gdelt-events"); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return &usageError{msg: "export: takes no arguments (run 'newsgraph export --help')"}
	}
	ctx := context.Background()
	store, err := openStore(ctx, *db, true)
	if err != nil {
		return fmt.Errorf("export: %w", err)
	}
	defer store.Close()
	var w io.Writer = env.stdout
	var f *os.File
	if *out != "" {
		if f, err = os.Create(*out); err != nil {
			return fmt.Errorf("export: create %s: %w", *out, unwrapPath(err))
		}
		defer f.Close()
		w = f
	}
	bw := bufio.NewWriterSize(w, 1<<16)
	if table, ok := strings.CutSuffix(*format, ".csv"); ok || *format == "gdelt-events" {
		err = exportTable(ctx, store, bw, table, *format == "gdelt-events")
	} else {
		err = exportArticles(ctx, store, bw, *format)
	}
	if err != nil {
		return fmt.Errorf("export: %w", err)
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("export: %w", err)
	}
	if f != nil {
		if err := f.Close(); err != nil {
			return fmt.Errorf("export: %w", err)
		}
	}
	return nil
}

// exportArticles writes one line per article: its contract (jsonl) or its
// GKG row (gkg, after a header line).
func exportArticles(ctx context.Context, store news.Store, bw *bufio.Writer, format string) error {
	if format == "gkg" {
		fmt.Fprintln(bw, strings.Join(gkgColumns, "\t"))
	}
	return store.EachArticle(ctx, func(a *news.StoredArticle) error {
		if format == "jsonl" {
			bw.Write(a.Contract)
			return bw.WriteByte('\n')
		}
		row, err := gkgRow(a)
		if err != nil {
			return fmt.Errorf("article %d: %w", a.ID, err)
		}
		_, err = fmt.Fprintln(bw, strings.Join(row, "\t"))
		return err
	})
}

// exportTable writes a CSV table of every article's items (see
// csvTables), or the GDELT-style events table when gdelt is set, with
// its header row first.
func exportTable(ctx context.Context, store news.Store, w io.Writer, table string, gdelt bool) error {
	cw := export.Writer(w, gdelt)
	header := export.Tables[table]
	if gdelt {
		header = export.GDELTColumns
	}
	cw.Write(header)
	err := store.EachArticle(ctx, func(a *news.StoredArticle) error {
		var rows [][]string
		var err error
		if gdelt {
			rows, err = export.GDELTRows(a)
		} else {
			rows, err = export.Rows(table, a, nil)
		}
		if err != nil {
			return err
		}
		return cw.WriteAll(rows)
	})
	if err != nil {
		return err
	}
	cw.Flush()
	return cw.Error()
}

var gkgColumns = []string{"GKGRECORDID", "V2.1DATE", "V2SOURCECOLLECTIONIDENTIFIER", "V2SOURCECOMMONNAME",
	"V2DOCUMENTIDENTIFIER", "V1COUNTS", "V2.1COUNTS", "V1THEMES", "V2ENHANCEDTHEMES", "V1LOCATIONS",
	"V2ENHANCEDLOCATIONS", "V1PERSONS", "V2ENHANCEDPERSONS", "V1ORGANIZATIONS", "V2ENHANCEDORGANIZATIONS",
	"V1.5TONE", "V2.1ENHANCEDDATES", "V2GCAM", "V2.1SHARINGIMAGE", "V2.1RELATEDIMAGES",
	"V2.1SOCIALIMAGEEMBEDS", "V2.1SOCIALVIDEOEMBEDS", "V2.1QUOTATIONS", "V2.1ALLNAMES", "V2.1AMOUNTS",
	"V2.1TRANSLATIONINFO", "V2EXTRASXML"}

func gkgRow(a *news.StoredArticle) ([]string, error) {
	d, err := news.UnmarshalContract(a.Contract)
	if err != nil {
		return nil, err
	}
	row := make([]string, len(gkgColumns))
	date := strings.ReplaceAll(a.Published, "-", "")
	if date == "" {
		date = a.Ingested.UTC().Format("20060102")
	}
	row[0] = fmt.Sprintf("%s-%d", date, a.ID)
	row[1] = date + "000000"
	row[2], row[3], row[4] = "2", "", a.Source // 2: CITATIONONLY, a text known by its citation (a file)
	if a.URL != "" {
		row[2], row[4] = "1", a.URL
		if u, err := url.Parse(a.URL); err == nil {
			row[3] = strings.TrimPrefix(u.Hostname(), "www.")
		}
	}
	var locs, elocs, pers, epers, orgs, eorgs, names []string
	for _, e := range d.Entities {
		off := 0
		if len(e.Mentions) > 0 {
			off = e.Mentions[0].Start
		}
		name := gkgClean(e.Name)
		names = append(names, fmt.Sprintf("%s,%d", name, off))
		switch e.Type {
		case news.TypePER:
			pers = append(pers, name)
			epers = append(epers, fmt.Sprintf("%s,%d", name, off))
		case news.TypeORG:
			orgs = append(orgs, name)
			eorgs = append(eorgs, fmt.Sprintf("%s,%d", name, off))
		case news.TypeLOC:
			if p := e.Place; p != nil && gkgLocationType(p.Feature, deref(p.Country)) != "" {
				country, id := deref(p.Country), ""
				if p.GeonamesID != nil {
					id = strconv.FormatInt(*p.GeonamesID, 10)
				}
				typ := gkgLocationType(p.Feature, country)
				lat, lon := strconv.FormatFloat(derefFloat(p.Lat), 'f', 4, 64), strconv.FormatFloat(derefFloat(p.Lon), 'f', 4, 64)
				loc := strings.Join([]string{typ, name, country, country, lat, lon, id}, "#")
				locs = append(locs, loc)
				elocs = append(elocs, strings.Join([]string{typ, name, country, country, "", lat, lon, id, strconv.Itoa(off)}, "#"))
			}
		}
	}
	var dates, quotes []string
	for _, t := range d.Dates {
		v := deref(t.Value)
		if v == "" {
			continue
		}
		parts := strings.Split(v, "-")
		res := map[news.Granularity]string{news.GranularityYear: "2", news.GranularityMonth: "3", news.GranularityDay: "4"}[t.Granularity]
		for len(parts) < 3 {
			parts = append(parts, "0")
		}
		dates = append(dates, strings.Join([]string{orZero(res), parts[1], parts[2], parts[0], strconv.Itoa(t.Start)}, "#"))
	}
	for _, q := range d.Quotes {
		quotes = append(quotes, strings.Join([]string{strconv.Itoa(q.Start), strconv.Itoa(q.End - q.Start), gkgClean(deref(q.Cue)), gkgClean(strings.ReplaceAll(q.Text, "#", " "))}, "|"))
	}
	row[9], row[10] = strings.Join(locs, ";"), strings.Join(elocs, ";")
	row[11], row[12] = strings.Join(pers, ";"), strings.Join(epers, ";")
	row[13], row[14] = strings.Join(orgs, ";"), strings.Join(eorgs, ";")
	row[16] = strings.Join(dates, ";")
	row[22] = strings.Join(quotes, "#")
	row[23] = strings.Join(names, ";")
	if a.Title != "" {
		row[26] = "<PAGE_TITLE>" + xmlEscape(gkgClean(a.Title)) + "</PAGE_TITLE>"
	}
	return row, nil
}

// gkgLocationType is GDELT's location type: 1 country, 2 US state, 3 US
// city, 4 world city, 5 world state; "" for a place GDELT has no type
// for (a district, a region, a place known only by its country).
func gkgLocationType(feature, country string) string {
	switch {
	case feature == "country":
		return "1"
	case feature == "admin1" && country == "US":
		return "2"
	case feature == "admin1":
		return "5"
	case feature == "city" && country == "US":
		return "3"
	case feature == "city":
		return "4"
	}
	return ""
}

// gkgClean keeps a field on one line and free of the column and list
// separators.
func gkgClean(s string) string {
	s = strings.Map(func(r rune) rune {
		switch r {
		case '\t', '\n', '\r', ';':
			return ' '
		}
		return r
	}, s)
	return strings.Join(strings.Fields(s), " ")
}

func xmlEscape(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;").Replace(s)
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

func derefFloat(f *float64) float64 {
	if f == nil {
		return 0
	}
	return *f
}

func orZero(s string) string {
	if s == "" {
		return "0"
	}
	return s
}
