package ner

import (
	"context"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/internal/gazetteer/gazetteertest"
	"github.com/newsgraph/newsgraph/internal/news"
)

// makeDoc splits text into one sentence per line and each line into
// tokens: runs of letters, digits and inner periods, apostrophes and
// hyphens, and every other non-space character on its own, with byte spans.
func makeDoc(text string) *news.Doc {
	doc := &news.Doc{Text: text}
	isWord := func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }
	start := 0
	for _, line := range strings.SplitAfter(text, "\n") {
		body := strings.TrimRight(line, "\n")
		sent := news.Sentence{Span: news.Span{Start: start, End: start + len(body)}, FirstToken: len(doc.Tokens)}
		i := 0
		for i < len(body) {
			r, size := utf8.DecodeRuneInString(body[i:])
			j := i + size
			switch {
			case unicode.IsSpace(r):
				i = j
				continue
			case isWord(r):
				for j < len(body) {
					r2, s2 := utf8.DecodeRuneInString(body[j:])
					if isWord(r2) {
						j += s2
						continue
					}
					if (r2 == '.' || r2 == '-' || r2 == '\'') && j+s2 < len(body) {
						if r3, _ := utf8.DecodeRuneInString(body[j+s2:]); isWord(r3) {
							j += s2
							continue
						}
					}
					break
				}
			}
			doc.Tokens = append(doc.Tokens, news.Token{Span: news.Span{Start: start + i, End: start + j}, Text: text[start+i : start+j]})
			i = j
		}
		sent.EndToken = len(doc.Tokens)
		doc.Sentences = append(doc.Sentences, sent)
		start += len(line)
	}
	return doc
}

func TestStageFindsMentions(t *testing.T) { checkStageMentions(t, DefaultConfig()) }

// TestStageFindsMentionsGeoNames is TestStageFindsMentions with the
// GeoNames index (and so the embedded GeoNames model).
func TestStageFindsMentionsGeoNames(t *testing.T) {
	cfg := DefaultConfig()
	cfg.Gazetteer = gazetteertest.MustIndex(t)
	checkStageMentions(t, cfg)
}

func checkStageMentions(t *testing.T, cfg Config) {
	t.Helper()
	s, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	if s.Name() != "ner" {
		t.Errorf("name %q, want ner", s.Name())
	}
	doc := makeDoc("“It absolutely has no presence in Afghanistan and Pakistan,” Interior Minister Chaudhry Nisar said while speaking at the United States Institute of Peace in Washington on Thursday.\n" +
		"Chaudhry said the Taliban were divided.")
	if err := s.Process(context.Background(), doc); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, m := range doc.Mentions {
		if m.Text != doc.Text[m.Start:m.End] {
			t.Errorf("mention %q has span [%d, %d) covering %q", m.Text, m.Start, m.End, doc.Text[m.Start:m.End])
		}
		if m.Kind != news.MentionName {
			t.Errorf("mention %q kind %q, want name", m.Text, m.Kind)
		}
		got = append(got, m.Type+" "+m.Text)
	}
	for _, want := range []string{"LOC Afghanistan", "LOC Pakistan", "PER Chaudhry Nisar", "LOC Washington", "PER Chaudhry"} {
		found := false
		for _, g := range got {
			found = found || g == want
		}
		if !found {
			t.Errorf("mention %q not found; got %q", want, got)
		}
	}
	institute := false
	for _, m := range doc.Mentions {
		institute = institute || m.Type == "ORG" && strings.HasSuffix(m.Text, "Institute of Peace")
	}
	if !institute {
		t.Errorf("no ORG mention ending in \"Institute of Peace\"; got %q", got)
	}
	if len(doc.Entities) != len(doc.Mentions) {
		t.Fatalf("%d entities for %d mentions, want one each", len(doc.Entities), len(doc.Mentions))
	}
	for i, e := range doc.Entities {
		if want := "E" + string(rune('1'+i)); i < 9 && e.ID != want {
			t.Errorf("entity %d has ID %q, want %q", i, e.ID, want)
		}
		if e.Name != doc.Mentions[i].Text || e.Type != doc.Mentions[i].Type || len(e.Mentions) != 1 || e.Aliases == nil || e.Titles == nil {
			t.Errorf("entity %d = %+v does not mirror mention %+v", i, e, doc.Mentions[i])
		}
	}
	for i := 1; i < len(doc.Mentions); i++ {
		if doc.Mentions[i].Start < doc.Mentions[i-1].End {
			t.Errorf("mentions out of text order: %+v then %+v", doc.Mentions[i-1], doc.Mentions[i])
		}
	}
}

func TestStageEmptyDoc(t *testing.T) {
	s, err := New(DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	doc := &news.Doc{}
	if err := s.Process(context.Background(), doc); err != nil {
		t.Fatal(err)
	}
	if doc.Mentions == nil || doc.Entities == nil || len(doc.Mentions) != 0 {
		t.Errorf("empty doc: mentions %v entities %v, want empty non-nil lists", doc.Mentions, doc.Entities)
	}
}

func TestStageLongSentenceInPieces(t *testing.T) {
	cfg := DefaultConfig()
	cfg.MaxSentenceTokens = 3
	s, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	doc := makeDoc("Yesterday Chaudhry Nisar met officials in Lahore and Karachi.")
	if err := s.Process(context.Background(), doc); err != nil {
		t.Fatal(err)
	}
	for _, m := range doc.Mentions {
		if m.Text != doc.Text[m.Start:m.End] {
			t.Errorf("bad span for %q", m.Text)
		}
	}
}

func TestStageBadTokens(t *testing.T) {
	s, err := New(DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	doc := &news.Doc{Text: "abc", Sentences: []news.Sentence{{FirstToken: 0, EndToken: 5}}}
	if err := s.Process(context.Background(), doc); err == nil {
		t.Error("a sentence past the tokens: got no error")
	}
}

func TestConfigValidate(t *testing.T) {
	if err := DefaultConfig().Validate(); err != nil {
		t.Errorf("default config: %v", err)
	}
	bad := DefaultConfig()
	bad.MaxSentenceTokens = 0
	if err := bad.Validate(); err == nil {
		t.Error("MaxSentenceTokens 0: got no error")
	}
	if _, err := New(bad); err == nil {
		t.Error("New with a bad config: got no error")
	}
	if _, err := New(Config{ModelPath: "testdata/no-such-model", MaxSentenceTokens: 10}); err == nil {
		t.Error("missing model file: got no error")
	}
}
