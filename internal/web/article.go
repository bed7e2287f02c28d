package web

import (
	"fmt"
	"html/template"
	"sort"
	"strconv"
	"strings"

	"github.com/newsgraph/newsgraph/internal/news"
)

// The article page shows the contract's text with its entities, quotes,
// speakers, dates and events marked. Spans overlap freely (a quote holds
// mentions; a speaker mention holds an entity mention), so the text is cut
// at every span boundary and each piece is wrapped, in a fixed nesting
// order, in one element per annotation covering it. Pieces of one quote
// share data-q, so the page's script highlights the whole quote.
//
// All text is escaped here with template.HTMLEscapeString; the result is
// the only template.HTML the page gets from article data.

// layer is one kind of annotation, in nesting order (outermost first).
type layer int

const (
	layerHighlight layer = iota // the span an alert links to (?hl=START-END)
	layerQuote
	layerSpeaker
	layerDate
	layerEvent
	layerMention
	layers
)

// mark is one annotated span and the tag that opens it.
type mark struct {
	start, end int
	layer      layer
	open       string // the opening tag, attributes escaped
	close      string
}

// sideQuote is one line of the page's "who said what" list.
type sideQuote struct {
	ID, Kind, Text, Speaker, Cue, Sourcing string
	SpeakerID                              int64 // store entity, 0 when unattributed or unknown
}

// sideEntity is one entity in the page's entity list.
type sideEntity struct {
	Local, Type, Name string
	Aliases, Titles   []string
	Mentions          int
	StoreID           int64
}

// articleView is what the article template shows.
type articleView struct {
	ID             int64
	Title          string
	URL            string
	Published      string
	Source         string
	Language       string   // the contract's language code ("en", "ko", "und")
	Notes          []string // the contract's notes on how the article was processed
	Body           template.HTML
	Quotes         []sideQuote
	Entities       []sideEntity
	Events         []string
	Contradictions []string
}

func attr(s string) string { return template.HTMLEscapeString(s) }

// buildArticle renders the contract of a stored article. storeIDs maps the
// article's entity ids to store entity ids, for links.
func buildArticle(data []byte, storeIDs map[string]int64) (*articleView, error) {
	return buildArticleHighlight(data, storeIDs, nil)
}

// Highlight is a span of an article's text to mark and scroll to: code
// points of the contract's text, as in the links of alerts
// (/articles/ID?hl=START-END#hl).
type Highlight struct{ Start, End int }

// parseHighlight reads the hl parameter, START-END; nil when it is absent
// or not two numbers (a bad span is not shown rather than failing the
// page).
func parseHighlight(hl string) *Highlight {
	a, b, ok := strings.Cut(hl, "-")
	start, err1 := strconv.Atoi(a)
	end, err2 := strconv.Atoi(b)
	if !ok || err1 != nil || err2 != nil || start < 0 || end <= start {
		return nil
	}
	return &Highlight{start, end}
}

// buildArticleHighlight is buildArticle with hl (nil for none) marked as
// <mark id="hl" class="hl">, the target of the #hl anchor.
func buildArticleHighlight(data []byte, storeIDs map[string]int64, hl *Highlight) (*articleView, error) {
	c, err := news.UnmarshalContract(data)
	if err != nil {
		return nil, err
	}
	v := &articleView{Language: c.Language, Notes: c.Notes}
	if c.Title != nil {
		v.Title = *c.Title
	}
	if c.URL != nil {
		v.URL = *c.URL
	}
	if c.Published != nil {
		v.Published = *c.Published
	}
	names := map[string]string{}
	for _, e := range c.Entities {
		names[e.ID] = e.Name
	}
	name := func(id *string) string {
		if id == nil {
			return ""
		}
		if n, ok := names[*id]; ok {
			return n
		}
		return *id
	}
	var marks []mark
	if hl != nil {
		marks = append(marks, mark{hl.Start, hl.End, layerHighlight, `<mark class="hl">`, "</mark>"})
	}
	for _, e := range c.Entities {
		sid := storeIDs[e.ID]
		v.Entities = append(v.Entities, sideEntity{Local: e.ID, Type: e.Type, Name: e.Name, Aliases: e.Aliases,
			Titles: e.Titles, Mentions: len(e.Mentions), StoreID: sid})
		for _, m := range e.Mentions {
			tag := "span"
			href := ""
			if sid != 0 {
				tag, href = "a", fmt.Sprintf(` href="/entities/%d"`, sid)
			}
			marks = append(marks, mark{m.Start, m.End, layerMention,
				fmt.Sprintf(`<%s class="ent ent-%s" data-e="%s"%s title="%s (%s, %s)">`, tag, attr(strings.ToLower(e.Type)),
					attr(e.ID), href, attr(e.Name), attr(e.Type), attr(m.Kind)), "</" + tag + ">"})
		}
	}
	for _, q := range c.Quotes {
		sq := sideQuote{ID: q.ID, Kind: string(q.Kind), Text: q.Text, Sourcing: string(q.Sourcing)}
		if q.Cue != nil {
			sq.Cue = *q.Cue
		}
		switch {
		case q.Speaker != nil:
			sq.Speaker, sq.SpeakerID = name(q.Speaker), storeIDs[*q.Speaker]
		case q.SpeakerMention != nil:
			sq.Speaker = q.SpeakerMention.Text
		}
		v.Quotes = append(v.Quotes, sq)
		marks = append(marks, mark{q.Start, q.End, layerQuote,
			fmt.Sprintf(`<span class="q q-%s" data-q="%s" title="%s quote by %s">`, attr(sq.Kind), attr(q.ID), attr(sq.Kind),
				attr(orUnknown(sq.Speaker))), "</span>"})
		if m := q.SpeakerMention; m != nil {
			marks = append(marks, mark{m.Start, m.End, layerSpeaker,
				fmt.Sprintf(`<span class="speaker" data-speaker-of="%s" title="speaker of %s">`, attr(q.ID), attr(q.ID)), "</span>"})
		}
	}
	for _, d := range c.Dates {
		val := "unresolved"
		if d.Value != nil {
			val = *d.Value
		}
		marks = append(marks, mark{d.Start, d.End, layerDate,
			fmt.Sprintf(`<time class="date" data-value="%s" title="%s (%s)">`, attr(val), attr(val), attr(string(d.Granularity))), "</time>"})
	}
	for _, e := range c.Events {
		actor := name(e.Actor)
		if actor == "" {
			actor = "unknown actor"
		}
		desc := e.Type + ": " + actor
		if e.Target != nil {
			desc += " → " + name(e.Target)
		}
		if e.Place != nil {
			desc += " in " + name(e.Place)
		}
		if e.Date != nil {
			desc += " on " + *e.Date
		}
		if e.Negated {
			desc += " (negated)"
		}
		if e.Hedged {
			desc += " (hedged)"
		}
		v.Events = append(v.Events, desc)
		marks = append(marks, mark{e.Trigger.Start, e.Trigger.End, layerEvent,
			fmt.Sprintf(`<span class="event" data-v="%s" title="%s">`, attr(e.ID), attr(desc)), "</span>"})
	}
	for _, k := range c.Contradictions {
		v.Contradictions = append(v.Contradictions, k.Why)
	}
	v.Body = template.HTML(markup(c.Text, marks))
	return v, nil
}

func orUnknown(s string) string {
	if s == "" {
		return "unknown speaker"
	}
	return s
}

// markup cuts text at every mark boundary and wraps each piece in the
// marks covering it (one per layer: the earliest starting, then the
// longest), escaping the text. Paragraphs (blank lines) become <p>.
func markup(text string, marks []mark) string {
	runes := []rune(text)
	n := len(runes)
	cuts := map[int]bool{0: true, n: true}
	var ok []mark
	for _, m := range marks {
		if m.start < 0 || m.end > n || m.start >= m.end {
			continue // a bad span is not shown rather than breaking the page
		}
		ok = append(ok, m)
		cuts[m.start], cuts[m.end] = true, true
	}
	for i, r := range runes {
		if r == '\n' {
			cuts[i], cuts[i+1] = true, true
		}
	}
	sort.SliceStable(ok, func(i, j int) bool {
		if ok[i].start != ok[j].start {
			return ok[i].start < ok[j].start
		}
		return ok[i].end-ok[i].start > ok[j].end-ok[j].start
	})
	points := make([]int, 0, len(cuts))
	for p := range cuts {
		points = append(points, p)
	}
	sort.Ints(points)
	var b strings.Builder
	b.WriteString("<p>")
	seenQuote := map[string]bool{}
	for i := 0; i+1 < len(points); i++ {
		from, to := points[i], points[i+1]
		piece := string(runes[from:to])
		if piece == "\n" {
			b.WriteString("</p>\n<p>")
			continue
		}
		var active [layers]*mark
		for k := range ok {
			m := &ok[k]
			if m.start > from {
				break
			}
			if m.end >= to && active[m.layer] == nil {
				active[m.layer] = m
			}
		}
		for l := layer(0); l < layers; l++ {
			if m := active[l]; m != nil {
				open := m.open
				if l == layerHighlight && !seenQuote["#hl"] {
					seenQuote["#hl"] = true // its first piece is the anchor
					open = `<mark id="hl" class="hl">`
				}
				if l == layerQuote {
					// The first piece of a quote is its anchor (#Q1).
					id := quoteID(open)
					if !seenQuote[id] {
						seenQuote[id] = true
						open = strings.Replace(open, "<span ", `<span id="`+id+`" `, 1) // id is escaped already
					}
				}
				b.WriteString(open)
			}
		}
		b.WriteString(template.HTMLEscapeString(piece))
		for l := layers - 1; l >= 0; l-- {
			if m := active[l]; m != nil {
				b.WriteString(m.close)
			}
		}
	}
	b.WriteString("</p>")
	return b.String()
}

// quoteID reads data-q back from a quote's opening tag.
func quoteID(open string) string {
	_, rest, _ := strings.Cut(open, `data-q="`)
	id, _, _ := strings.Cut(rest, `"`)
	return id
}
