package news

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"sort"
	"unicode/utf8"
)

// Schema is the contract version written in every document.
const Schema = "newsgraph/article/v1"

// The JSON shapes of the article contract (../shared/contract/README.md),
// written by MarshalContract and read by UnmarshalContract. Offsets in them
// count Unicode code points of Contract.Text (a Doc's count bytes);
// pointers are JSON null when absent, and every list is written as []
// rather than null.
type (
	// Contract is one article's document.
	Contract struct {
		Schema         string                  `json:"schema"`
		ID             string                  `json:"id"`
		Source         *string                 `json:"source"`
		URL            *string                 `json:"url"`
		Title          *string                 `json:"title"`
		Published      *string                 `json:"published"`
		PublishedFrom  *string                 `json:"published_source"`
		Language       string                  `json:"language"`
		LanguageConf   float64                 `json:"language_confidence"`
		Notes          []string                `json:"notes"`
		Text           string                  `json:"text"`
		Sentences      []ContractSpan          `json:"sentences"`
		Entities       []ContractEntity        `json:"entities"`
		Quotes         []ContractQuote         `json:"quotes"`
		Events         []ContractEvent         `json:"events"`
		Dates          []ContractDate          `json:"dates"`
		Claims         []ContractClaim         `json:"claims"`
		Contradictions []ContractContradiction `json:"contradictions"`
	}
	// ContractSpan is a span of the text.
	ContractSpan struct {
		Start int `json:"start"`
		End   int `json:"end"`
	}
	// ContractMention is a span with its text; Kind is set for entity
	// mentions only (name, alias, title, nominal, pronoun...).
	ContractMention struct {
		Start int    `json:"start"`
		End   int    `json:"end"`
		Text  string `json:"text"`
		Kind  string `json:"kind,omitempty"`
	}
	// ContractPlace is where a LOC entity lies; Lat and Lon are nil for a
	// country-only place.
	ContractPlace struct {
		Country    *string  `json:"country"`
		Admin1     *string  `json:"admin1"`
		Lat        *float64 `json:"lat"` // null for a country-only place
		Lon        *float64 `json:"lon"`
		GeonamesID *int64   `json:"geonames_id"`
		Feature    string   `json:"feature"`
		// Demonym: the entity is a people or adjective of the country
		// ("American"), linked to it, not a place on the map.
		Demonym bool   `json:"demonym,omitempty"`
		Debug   string `json:"debug,omitempty"`
	}
	// ContractEntity is one entity of the article with all its mentions.
	ContractEntity struct {
		ID       string            `json:"id"`
		Type     string            `json:"type"`
		Name     string            `json:"name"`
		Aliases  []string          `json:"aliases"`
		Titles   []string          `json:"titles"`
		Mentions []ContractMention `json:"mentions"`
		Place    *ContractPlace    `json:"place"`
	}
	// ContractQuote is one quote; Speaker is an entity id.
	ContractQuote struct {
		ID             string           `json:"id"`
		Kind           QuoteKind        `json:"kind"`
		Text           string           `json:"text"`
		Start          int              `json:"start"`
		End            int              `json:"end"`
		Speaker        *string          `json:"speaker"`
		SpeakerMention *ContractMention `json:"speaker_mention"`
		Cue            *string          `json:"cue"`
		Sourcing       Sourcing         `json:"sourcing"`
		Hedged         bool             `json:"hedged"`
	}
	// ContractEvent is one event; Actor, Target and Place are entity ids.
	ContractEvent struct {
		ID       string          `json:"id"`
		Type     string          `json:"type"`
		Actor    *string         `json:"actor"`
		Target   *string         `json:"target"`
		Sentence int             `json:"sentence"`
		Trigger  ContractMention `json:"trigger"`
		Date     *string         `json:"date"`
		Place    *string         `json:"place"`
		Negated  bool            `json:"negated"`
		Hedged   bool            `json:"hedged"`
		Nominal  bool            `json:"nominal"`
		Denies   *string         `json:"denies"`
	}
	// ContractDate is one date expression and its resolved value.
	ContractDate struct {
		Start       int         `json:"start"`
		End         int         `json:"end"`
		Text        string      `json:"text"`
		Value       *string     `json:"value"`
		Granularity Granularity `json:"granularity"`
	}
	// ContractClaim is one normalised claim; Speaker, Subject and Object
	// are entity ids, Quote and Event ids of the article.
	ContractClaim struct {
		ID            string       `json:"id"`
		Speaker       *string      `json:"speaker"`
		Polarity      Polarity     `json:"polarity"`
		Subject       *string      `json:"subject"`
		Predicate     string       `json:"predicate"`
		Object        *string      `json:"object"`
		Quote         *string      `json:"quote"`
		Event         *string      `json:"event"`
		Word          string       `json:"word"`
		Modal         bool         `json:"modal"`
		SpeakerName   *string      `json:"speaker_name"`
		SubjectName   *string      `json:"subject_name"`
		ObjectName    *string      `json:"object_name"`
		ObjectCountry *string      `json:"object_country"`
		Evidence      ContractSpan `json:"evidence"`
		Stance        string       `json:"stance"`
		Answers       *string      `json:"answers"`
	}
	// ContractContradiction is two or more claims of the article that
	// cannot all hold.
	ContractContradiction struct {
		Claims []string `json:"claims"`
		Why    string   `json:"why"`
		Kind   string   `json:"kind"`
	}
)

// UnmarshalContract reads an article's contract JSON (as MarshalContract
// writes it and stores keep it). Offsets stay code points of the
// contract's text. Fields it does not know are ignored; JSON that is not
// an object of the contract's shape is an error.
func UnmarshalContract(data []byte) (*Contract, error) {
	var c Contract
	if err := json.Unmarshal(data, &c); err != nil {
		return nil, fmt.Errorf("read contract: %w", err)
	}
	return &c, nil
}

// ContentID returns the contract id of a text: the hex SHA-256 of its bytes.
func ContentID(text string) string {
	sum := sha256.Sum256([]byte(text))
	return hex.EncodeToString(sum[:])
}

// MarshalContract returns doc as one line of contract JSON (no trailing
// newline). This is the one place where byte offsets become code-point
// offsets. It fails if a span does not lie on character boundaries of
// doc.Text, which is a bug in the stage that made it.
func MarshalContract(doc *Doc) ([]byte, error) {
	c := offsetConverter{text: doc.Text}
	out := Contract{
		Schema:         Schema,
		ID:             ContentID(doc.Text),
		Source:         optional(doc.Source),
		URL:            optional(doc.URL),
		Title:          optional(doc.Title),
		Language:       doc.Language,
		LanguageConf:   doc.LanguageConfidence,
		Notes:          nonNil(doc.Notes),
		Text:           doc.Text,
		Sentences:      make([]ContractSpan, 0, len(doc.Sentences)),
		Entities:       make([]ContractEntity, 0, len(doc.Entities)),
		Quotes:         make([]ContractQuote, 0, len(doc.Quotes)),
		Events:         make([]ContractEvent, 0, len(doc.Events)),
		Dates:          make([]ContractDate, 0, len(doc.Dates)),
		Claims:         make([]ContractClaim, 0, len(doc.Claims)),
		Contradictions: make([]ContractContradiction, 0, len(doc.Contradictions)),
	}
	if out.Language == "" {
		out.Language = "en"
	}
	if !doc.Published.IsZero() {
		out.Published = optional(doc.Published.Format("2006-01-02"))
		out.PublishedFrom = optional(doc.PublishedSource)
	}
	for _, s := range doc.Sentences {
		out.Sentences = append(out.Sentences, ContractSpan{c.at(s.Start), c.at(s.End)})
	}
	for _, e := range doc.Entities {
		out.Entities = append(out.Entities, c.entity(e))
	}
	for _, q := range doc.Quotes {
		out.Quotes = append(out.Quotes, c.quote(q))
	}
	for _, v := range doc.Events {
		out.Events = append(out.Events, c.event(v))
	}
	for _, d := range doc.Dates {
		out.Dates = append(out.Dates, ContractDate{c.at(d.Start), c.at(d.End), d.Text, optional(d.Value), d.Granularity})
	}
	for _, cl := range doc.Claims {
		out.Claims = append(out.Claims, ContractClaim{ID: cl.ID, Speaker: optional(cl.Speaker), Polarity: cl.Polarity,
			Subject: optional(cl.Subject), Predicate: cl.Predicate, Object: optional(cl.Object), Quote: optional(cl.Quote),
			Event: optional(cl.Event), Word: cl.Word, Modal: cl.Modal, SpeakerName: optional(cl.SpeakerName), SubjectName: optional(cl.SubjectName),
			ObjectName: optional(cl.ObjectName), ObjectCountry: optional(cl.ObjectCountry),
			Evidence: ContractSpan{c.at(cl.Evidence.Start), c.at(cl.Evidence.End)}, Stance: cl.Stance, Answers: optional(cl.Answers)})
	}
	for _, k := range doc.Contradictions {
		out.Contradictions = append(out.Contradictions, ContractContradiction{nonNil(k.Claims), k.Why, k.Kind})
	}
	if c.err != nil {
		return nil, fmt.Errorf("write contract for %s: %w", doc.Source, c.err)
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(out); err != nil {
		return nil, fmt.Errorf("write contract for %s: %w", doc.Source, err)
	}
	return bytes.TrimRight(buf.Bytes(), "\n"), nil
}

func (c *offsetConverter) entity(e Entity) ContractEntity {
	je := ContractEntity{ID: e.ID, Type: e.Type, Name: e.Name, Aliases: nonNil(e.Aliases), Titles: nonNil(e.Titles),
		Mentions: make([]ContractMention, 0, len(e.Mentions))}
	for _, m := range e.Mentions {
		je.Mentions = append(je.Mentions, c.mention(m))
	}
	if p := e.Place; p != nil {
		jp := &ContractPlace{Country: optional(p.Country), Admin1: optional(p.Admin1), Feature: p.Feature,
			Demonym: p.Demonym, Debug: p.Debug}
		if p.HasPoint() {
			lat, lon := p.Lat, p.Lon
			jp.Lat, jp.Lon = &lat, &lon
		}
		if p.GeonamesID != 0 {
			id := p.GeonamesID
			jp.GeonamesID = &id
		}
		je.Place = jp
	}
	return je
}

func (c *offsetConverter) quote(q Quote) ContractQuote {
	jq := ContractQuote{ID: q.ID, Kind: q.Kind, Text: q.Text, Start: c.at(q.Start), End: c.at(q.End),
		Speaker: optional(q.Speaker), Cue: optional(q.Cue), Sourcing: q.Sourcing, Hedged: q.Hedged}
	if q.SpeakerMention != nil {
		m := c.mention(*q.SpeakerMention)
		m.Kind = ""
		jq.SpeakerMention = &m
	}
	return jq
}

func (c *offsetConverter) event(v Event) ContractEvent {
	t := c.mention(v.Trigger)
	t.Kind = ""
	return ContractEvent{ID: v.ID, Type: v.Type, Actor: optional(v.Actor), Target: optional(v.Target),
		Sentence: v.Sentence, Trigger: t, Date: optional(v.Date), Place: optional(v.Place),
		Negated: v.Negated, Hedged: v.Hedged, Nominal: v.Nominal, Denies: optional(v.Denies)}
}

func (c *offsetConverter) mention(m Mention) ContractMention {
	return ContractMention{Start: c.at(m.Start), End: c.at(m.End), Text: m.Text, Kind: m.Kind}
}

// offsetStride is the number of bytes between two checkpoints of an
// offsetConverter: converting an offset reads at most this many bytes.
const offsetStride = 256

// offsetMark is a checkpoint: the code-point count of text[:byte]. byte is
// always the start of a character, so counts add up across checkpoints
// even in broken UTF-8 (where each stray byte counts as one code point, as
// encoding/json writes it as one U+FFFD).
type offsetMark struct {
	byte, points int
}

// offsetConverter turns byte offsets of text into code-point offsets in any
// order: it builds, once, a table of checkpoints about offsetStride bytes
// apart, finds the one before an offset by binary search and counts the
// rest. A document with n bytes and k offsets costs O(n + k log n), however
// the offsets are ordered. The first error sticks.
type offsetConverter struct {
	text    string
	marks   []offsetMark // nil until the first offset
	scanned int          // bytes counted by at, for tests of its cost
	err     error
}

// at returns the code-point offset of byte offset b. An offset outside the
// text or inside a character records an error and returns 0.
func (c *offsetConverter) at(b int) int {
	if b < 0 || b > len(c.text) {
		c.fail(fmt.Errorf("offset %d outside text of %d bytes", b, len(c.text)))
		return 0
	}
	if b < len(c.text) && !utf8.RuneStart(c.text[b]) {
		c.fail(fmt.Errorf("offset %d splits a character", b))
		return 0
	}
	if c.marks == nil {
		c.marks = offsetMarks(c.text)
	}
	k := sort.Search(len(c.marks), func(k int) bool { return c.marks[k].byte > b }) - 1
	m := c.marks[k]
	c.scanned += b - m.byte
	return m.points + utf8.RuneCountInString(c.text[m.byte:b])
}

// offsetMarks returns the checkpoints of text: the first at 0, then one at
// the first character start (or the end of text) at least offsetStride
// bytes after the last. So a character start lies less than offsetStride
// bytes after the checkpoint before it, however long a run of stray
// continuation bytes the text holds.
func offsetMarks(text string) []offsetMark {
	marks := make([]offsetMark, 1, len(text)/offsetStride+1)
	last := offsetMark{}
	for next := offsetStride; next < len(text); next = last.byte + offsetStride {
		for next < len(text) && !utf8.RuneStart(text[next]) {
			next++
		}
		last = offsetMark{next, last.points + utf8.RuneCountInString(text[last.byte:next])}
		marks = append(marks, last)
	}
	return marks
}

func (c *offsetConverter) fail(err error) {
	if c.err == nil {
		c.err = err
	}
}

func optional(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
