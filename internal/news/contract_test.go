package news

import (
	"encoding/json"
	"strings"
	"testing"
	"time"
)

func TestMarshalContractOffsetsAreCodePoints(t *testing.T) {
	text := "“Pakistan’s army,” he said — in Quetta."
	start := strings.Index(text, "Quetta")
	doc := &Doc{
		Text:      text,
		Published: time.Date(2015, 2, 19, 0, 0, 0, 0, time.UTC),
		Sentences: []Sentence{{Span: Span{0, len(text)}}},
		Entities: []Entity{{ID: "E1", Type: TypeLOC, Name: "Quetta",
			Mentions: []Mention{{Span: Span{start, start + len("Quetta")}, Text: "Quetta", Kind: MentionName}}}},
	}
	data, err := MarshalContract(doc)
	if err != nil {
		t.Fatal(err)
	}
	var got struct {
		Text      string `json:"text"`
		Published string `json:"published"`
		Sentences []struct{ Start, End int }
		Entities  []struct {
			Aliases  []string `json:"aliases"`
			Mentions []struct{ Start, End int }
		}
	}
	if err := json.Unmarshal(data, &got); err != nil {
		t.Fatal(err)
	}
	runes := []rune(got.Text)
	m := got.Entities[0].Mentions[0]
	if s := string(runes[m.Start:m.End]); s != "Quetta" {
		t.Errorf("mention code points [%d,%d) = %q, want Quetta", m.Start, m.End, s)
	}
	if got.Sentences[0].End != len(runes) {
		t.Errorf("sentence end = %d, want %d code points", got.Sentences[0].End, len(runes))
	}
	if got.Published != "2015-02-19" {
		t.Errorf("published = %q", got.Published)
	}
	if got.Entities[0].Aliases == nil {
		t.Errorf("aliases written as null, want []")
	}
}

func TestMarshalContractEmptyListsAndNulls(t *testing.T) {
	data, err := MarshalContract(&Doc{Text: "Nothing happened."})
	if err != nil {
		t.Fatal(err)
	}
	s := string(data)
	for _, want := range []string{`"entities":[]`, `"quotes":[]`, `"events":[]`, `"dates":[]`, `"claims":[]`,
		`"contradictions":[]`, `"sentences":[]`, `"url":null`, `"title":null`, `"published":null`,
		`"language":"en"`, `"schema":"newsgraph/article/v1"`} {
		if !strings.Contains(s, want) {
			t.Errorf("contract JSON lacks %s:\n%s", want, s)
		}
	}
	if strings.Contains(s, "\n") {
		t.Errorf("contract JSON is not one line")
	}
}

func TestMarshalContractRejectsBrokenSpan(t *testing.T) {
	text := "Größe"
	doc := &Doc{Text: text, Sentences: []Sentence{{Span: Span{0, 3}}}} // byte 3 is inside "ö"
	if _, err := MarshalContract(doc); err == nil {
		t.Fatal("want an error for a span that splits a character")
	}
	doc.Sentences[0].End = 99
	if _, err := MarshalContract(doc); err == nil {
		t.Fatal("want an error for a span past the text")
	}
}

// UnmarshalContract reads back every field MarshalContract writes: the
// contract encoded again is the same bytes.
func TestUnmarshalContractRoundTrip(t *testing.T) {
	text := "“No soldier crossed,” said Amina Qureshi in Islamabad on Tuesday."
	at := func(s string) Span { i := strings.Index(text, s); return Span{i, i + len(s)} }
	speaker := Mention{Span: at("Amina Qureshi"), Text: "Amina Qureshi", Kind: MentionName}
	doc := &Doc{
		Source: "a.txt", URL: "https://example.com/a", Title: "Denial", Text: text, Language: "en", LanguageConfidence: 1,
		Published: time.Date(2025, 3, 4, 0, 0, 0, 0, time.UTC), PublishedSource: PublishedFromFlag, Notes: []string{"a note"},
		Sentences: []Sentence{{Span: Span{0, len(text)}}},
		Entities: []Entity{
			{ID: "E1", Type: TypePER, Name: "Amina Qureshi", Titles: []string{"Spokeswoman"}, Mentions: []Mention{speaker}},
			{ID: "E2", Type: TypeLOC, Name: "Islamabad", Mentions: []Mention{{Span: at("Islamabad"), Text: "Islamabad", Kind: MentionName}},
				Place: &Place{Country: "PK", Lat: 33.72, Lon: 73.04, GeonamesID: 1176615, Feature: "city"}},
		},
		Quotes: []Quote{{ID: "Q1", Kind: QuoteDirect, Span: at("No soldier crossed"), Text: "No soldier crossed", Speaker: "E1",
			SpeakerMention: &speaker, Cue: "said", Sourcing: SourcingNamed}},
		Events: []Event{{ID: "V1", Type: "DENY", Actor: "E1", Trigger: Mention{Span: at("said"), Text: "said"}, Date: "2025-03-04", Place: "E2", Negated: true}},
		Dates:  []DateRef{{Span: at("on Tuesday"), Text: "on Tuesday", Value: "2025-03-04", Granularity: GranularityDay}},
		Claims: []Claim{{ID: "C1", Speaker: "E1", Polarity: PolarityDeny, Subject: "E1", Predicate: "presence", Object: "E2", Quote: "Q1",
			Word: "crossed", SpeakerName: "Amina Qureshi", ObjectCountry: "PK", Evidence: at("No soldier crossed"), Stance: "deny"}},
		Contradictions: []Contradiction{{Claims: []string{"C1", "C1"}, Why: "why", Kind: "denial"}},
	}
	data, err := MarshalContract(doc)
	if err != nil {
		t.Fatal(err)
	}
	c, err := UnmarshalContract(data)
	if err != nil {
		t.Fatal(err)
	}
	var buf strings.Builder
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(c); err != nil {
		t.Fatal(err)
	}
	if got := strings.TrimSuffix(buf.String(), "\n"); got != string(data) {
		t.Errorf("read back and written again:\n%s\nwant\n%s", got, data)
	}
	if c.Quotes[0].Start != 1 || *c.Entities[1].Place.Lat != 33.72 {
		t.Errorf("quote starts at code point %d, place lat %v", c.Quotes[0].Start, *c.Entities[1].Place.Lat)
	}
	if _, err := UnmarshalContract([]byte(`{"entities":{}}`)); err == nil || !strings.Contains(err.Error(), "read contract") {
		t.Errorf("a contract of the wrong shape: %v", err)
	}
}
