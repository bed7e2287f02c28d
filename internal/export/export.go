// Package export writes stored articles' items as tables: CSV of quotes,
// entities, events and claims, and a GDELT-style events table. The CLI's
// export command and the web UI's downloads share it.
package export

import (
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/newsgraph/newsgraph/internal/news"
)

// Tables are the tables 'export --format TABLE.csv' writes, and their
// header rows. Every row starts with the article's id, publication date,
// URL and source, and ends with the sentence the item stands in (for an
// entity, the sentence of its first mention; for a claim, its evidence).
var Tables = map[string][]string{
	"quotes":   {"article_id", "published", "url", "source", "quote_id", "kind", "speaker", "cue", "sourcing", "quote", "start", "end", "sentence"},
	"entities": {"article_id", "published", "url", "source", "entity_id", "type", "name", "aliases", "titles", "mentions", "country", "lat", "lon", "sentence"},
	"events":   {"article_id", "published", "url", "source", "event_id", "type", "actor", "target", "place", "date", "trigger", "negated", "hedged", "sentence"},
	"claims":   {"article_id", "published", "url", "source", "claim_id", "speaker", "polarity", "stance", "subject", "predicate", "object", "word", "sentence"},
}

// GDELTColumns are the columns of the GDELT-style events table: GDELT 2.0
// event fields where newsgraph has their meaning (dates as YYYYMMDD,
// ISO 3166-1 alpha-2 countries where GDELT writes CAMEO or FIPS codes),
// EventType the PLOVER type where GDELT writes a CAMEO code, and the
// sentence's code-point span in the article's text.
var GDELTColumns = []string{"GLOBALEVENTID", "SQLDATE", "Actor1Name", "Actor1CountryCode", "EventType",
	"Actor2Name", "Actor2CountryCode", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_Lat", "ActionGeo_Long",
	"SOURCEURL", "SentenceStart", "SentenceEnd", "Sentence"}

// csvDoc is an article's contract as the CSV tables read it, with its
// text as code points to cut the contract's spans.
type csvDoc struct {
	*news.Contract
	runes []rune
}

// parseCSVDoc reads an article's contract.
func parseCSVDoc(a *news.StoredArticle) (*csvDoc, error) {
	c, err := news.UnmarshalContract(a.Contract)
	if err != nil {
		return nil, fmt.Errorf("article %d: %w", a.ID, err)
	}
	return &csvDoc{Contract: c, runes: []rune(c.Text)}, nil
}

// span returns the text between two code-point offsets, on one line.
func (d *csvDoc) span(start, end int) string {
	start, end = max(0, min(start, len(d.runes))), max(0, min(end, len(d.runes)))
	if start >= end {
		return ""
	}
	return strings.Join(strings.Fields(string(d.runes[start:end])), " ")
}

// sentenceAt returns the index of the sentence holding code point at, or -1.
func (d *csvDoc) sentenceAt(at int) int {
	for i, s := range d.Sentences {
		if at >= s.Start && at < s.End {
			return i
		}
	}
	return -1
}

// sentence returns the text of sentence i, "" when there is none.
func (d *csvDoc) sentence(i int) string {
	if i < 0 || i >= len(d.Sentences) {
		return ""
	}
	return d.span(d.Sentences[i].Start, d.Sentences[i].End)
}

// entity returns the entity with local id, nil when there is none.
func (d *csvDoc) entity(id *string) *news.ContractEntity {
	if id == nil {
		return nil
	}
	for i := range d.Entities {
		if d.Entities[i].ID == *id {
			return &d.Entities[i]
		}
	}
	return nil
}

// name returns the name of the entity with local id, "" for none.
func (d *csvDoc) name(id *string) string {
	if e := d.entity(id); e != nil {
		return e.Name
	}
	return ""
}

// orName returns name when set, else the name of the entity with local id.
func (d *csvDoc) orName(name, id *string) string {
	if n := deref(name); n != "" {
		return n
	}
	return d.name(id)
}

// country returns the country of the entity with local id when it is a
// geocoded place, else "".
func (d *csvDoc) country(id *string) string {
	if e := d.entity(id); e != nil && e.Place != nil {
		return deref(e.Place.Country)
	}
	return ""
}

// Rows returns table's rows for article a; keep, when not nil, picks
// the items by their local id (Q1, E2, V3, C4).
func Rows(table string, a *news.StoredArticle, keep func(localID string) bool) ([][]string, error) {
	d, err := parseCSVDoc(a)
	if err != nil {
		return nil, err
	}
	head := []string{strconv.FormatInt(a.ID, 10), a.Published, a.URL, a.Source}
	var rows [][]string
	add := func(id string, fields ...string) {
		if keep == nil || keep(id) {
			rows = append(rows, append(append(append([]string{}, head...), id), fields...))
		}
	}
	switch table {
	case "quotes":
		for _, q := range d.Quotes {
			add(q.ID, string(q.Kind), d.name(q.Speaker), deref(q.Cue), string(q.Sourcing), q.Text,
				strconv.Itoa(q.Start), strconv.Itoa(q.End), d.sentence(d.sentenceAt(q.Start)))
		}
	case "entities":
		for _, e := range d.Entities {
			country, lat, lon, first := "", "", "", -1
			if e.Place != nil {
				country, lat, lon = deref(e.Place.Country), floatOrEmpty(e.Place.Lat), floatOrEmpty(e.Place.Lon)
			}
			if len(e.Mentions) > 0 {
				first = d.sentenceAt(e.Mentions[0].Start)
			}
			add(e.ID, e.Type, e.Name, strings.Join(e.Aliases, "; "), strings.Join(e.Titles, "; "),
				strconv.Itoa(len(e.Mentions)), country, lat, lon, d.sentence(first))
		}
	case "events":
		for _, v := range d.Events {
			add(v.ID, v.Type, d.name(v.Actor), d.name(v.Target), d.name(v.Place), deref(v.Date), v.Trigger.Text,
				strconv.FormatBool(v.Negated), strconv.FormatBool(v.Hedged), d.sentence(v.Sentence))
		}
	case "claims":
		for _, c := range d.Claims {
			add(c.ID, d.orName(c.SpeakerName, c.Speaker), string(c.Polarity), c.Stance, d.orName(c.SubjectName, c.Subject), c.Predicate,
				d.orName(c.ObjectName, c.Object), c.Word, d.span(c.Evidence.Start, c.Evidence.End))
		}
	default:
		return nil, fmt.Errorf("no CSV table %q", table)
	}
	return rows, nil
}

// GDELTRows returns the GDELT-style event rows of article a: one per
// event that is not negated, dated by the event's date when it has a
// day, else by the publication date.
func GDELTRows(a *news.StoredArticle) ([][]string, error) {
	d, err := parseCSVDoc(a)
	if err != nil {
		return nil, err
	}
	var rows [][]string
	for _, v := range d.Events {
		if v.Negated {
			continue
		}
		date := a.Published
		if ev := deref(v.Date); len(ev) == len("2006-01-02") {
			date = ev
		}
		place, lat, lon := d.entity(v.Place), "", ""
		placeName := ""
		if place != nil {
			placeName = place.Name
			if place.Place != nil {
				lat, lon = floatOrEmpty(place.Place.Lat), floatOrEmpty(place.Place.Lon)
			}
		}
		start, end := "", ""
		if v.Sentence >= 0 && v.Sentence < len(d.Sentences) {
			start, end = strconv.Itoa(d.Sentences[v.Sentence].Start), strconv.Itoa(d.Sentences[v.Sentence].End)
		}
		source := a.URL
		if source == "" {
			source = a.Source
		}
		rows = append(rows, []string{fmt.Sprintf("%d-%s", a.ID, v.ID), strings.ReplaceAll(date, "-", ""),
			d.name(v.Actor), d.country(v.Actor), v.Type, d.name(v.Target), d.country(v.Target),
			placeName, d.country(v.Place), lat, lon, source, start, end, d.sentence(v.Sentence)})
	}
	return rows, nil
}

func floatOrEmpty(f *float64) string {
	if f == nil {
		return ""
	}
	return strconv.FormatFloat(*f, 'f', -1, 64)
}

// Writer writes RFC 4180 CSV (encoding/csv: fields with commas, quotes
// or line breaks quoted, CRLF line ends), or tab-separated values when
// tab is set.
func Writer(w io.Writer, tab bool) *csv.Writer {
	cw := csv.NewWriter(w)
	cw.UseCRLF = !tab
	if tab {
		cw.Comma = '\t'
	}
	return cw
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}
