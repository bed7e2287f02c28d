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
