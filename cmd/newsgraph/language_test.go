package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Two short news pages written for this test, with names, quotations and
// dates that the English stages would read as entities, quotes and dates.
const (
	koreanPage = "서울시, 한강 다리 보수 공사 연기\n" +
		"서울시는 화요일 한강 다리 보수 공사를 다음 달로 연기한다고 밝혔다. 김민수 대변인은 \"주민 안전이 가장 중요하다\"고 말했다. " +
		"시민단체는 이 결정에 대해 유감을 표명했으며, 시의회는 3월 4일 공청회를 열 예정이다."
	germanPage = "Stadtrat verschiebt Abstimmung über die Brücke\n" +
		"Der Berliner Stadtrat hat am Dienstag die Abstimmung über die neue Brücke verschoben. " +
		"\"Die Sicherheit der Anwohner geht vor\", sagte Bürgermeisterin Anna Schmidt der Zeitung. " +
		"Die Opposition kritisierte die Entscheidung scharf und forderte eine Anhörung am 4. März."
)

// languageDoc is the part of the contract that language detection sets,
// with the lists the English-only stages fill.
type languageDoc struct {
	Language       string            `json:"language"`
	Confidence     float64           `json:"language_confidence"`
	Notes          []string          `json:"notes"`
	Entities       []json.RawMessage `json:"entities"`
	Quotes         []json.RawMessage `json:"quotes"`
	Events         []json.RawMessage `json:"events"`
	Dates          []json.RawMessage `json:"dates"`
	Claims         []json.RawMessage `json:"claims"`
	Contradictions []json.RawMessage `json:"contradictions"`
	Sentences      []json.RawMessage `json:"sentences"`
}

func extractLanguageDoc(t *testing.T, text string) languageDoc {
	t.Helper()
	code, out, errOut := run(t, text, "extract", "-")
	if code != 0 {
		t.Fatalf("extract exited %d: %s", code, errOut)
	}
	var d languageDoc
	if err := json.Unmarshal([]byte(out), &d); err != nil {
		t.Fatalf("output is not JSON: %v\n%s", err, out)
	}
	if d.Notes == nil {
		t.Errorf("notes missing or null in %s", out)
	}
	return d
}

// TestExtractSkipsEnglishStagesOnOtherLanguages checks that a Korean or
// German page is segmented and kept whole, but gets no entities, quotes,
// events, dates or claims from the stages written for English, and a
// note that says so; an English page runs them all.
func TestExtractSkipsEnglishStagesOnOtherLanguages(t *testing.T) {
	for _, c := range []struct{ lang, text string }{{"ko", koreanPage}, {"de", germanPage}} {
		d := extractLanguageDoc(t, c.text)
		if d.Language != c.lang || d.Confidence <= 0 {
			t.Errorf("%s page: language %q (confidence %.2f)", c.lang, d.Language, d.Confidence)
		}
		if n := len(d.Entities) + len(d.Quotes) + len(d.Events) + len(d.Dates) + len(d.Claims) + len(d.Contradictions); n != 0 {
			t.Errorf("%s page: %d entities, %d quotes, %d events, %d dates, %d claims: want none", c.lang,
				len(d.Entities), len(d.Quotes), len(d.Events), len(d.Dates), len(d.Claims))
		}
		if len(d.Sentences) < 3 {
			t.Errorf("%s page: %d sentences, want it segmented", c.lang, len(d.Sentences))
		}
		want := "language " + c.lang + ": English-only stages skipped (ner, link, syntax, quote, timex, geo, event, claim)"
		if len(d.Notes) != 1 || d.Notes[0] != want {
			t.Errorf("%s page: notes %q, want [%q]", c.lang, d.Notes, want)
		}
	}
	en := extractLanguageDoc(t, "Council delays vote on river bridge\nThe Berlin city council postponed its vote on the new bridge on Tuesday. "+
		"\"The safety of residents comes first,\" Mayor Anna Schmidt told the newspaper. The opposition criticised the decision and called for a hearing on March 4.")
	if en.Language != "en" || len(en.Notes) != 0 || len(en.Entities) == 0 || len(en.Quotes) == 0 || len(en.Dates) == 0 {
		t.Errorf("English page: language %q, notes %q, %d entities, %d quotes, %d dates", en.Language, en.Notes, len(en.Entities), len(en.Quotes), len(en.Dates))
	}
}

// TestIngestedKoreanPageIsSearchable checks the way through the store: a
// Korean page is ingested with its language and found by a word of it,
// and by its language.
func TestIngestedKoreanPageIsSearchable(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "news.db")
	page := filepath.Join(dir, "seoul.txt")
	if err := os.WriteFile(page, []byte(koreanPage), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := run(t, "", "ingest", "--db", db, page)
	if code != 0 {
		t.Fatalf("ingest exited %d: %s", code, errOut)
	}
	if !strings.Contains(out, "1 of the new articles is not in English") {
		t.Errorf("ingest output %q does not say that the page is not in English", out)
	}
	for _, args := range [][]string{{"공청회를"}, {"--lang", "ko", "공청회를"}, {"--lang", "ko"}} {
		code, out, errOut := run(t, "", append([]string{"search", "--db", db}, args...)...)
		if code != 0 || !strings.Contains(out, "seoul.txt") || !strings.Contains(out, "[ko]") {
			t.Errorf("search %q: exit %d, output %q, stderr %q; want the Korean page, marked [ko]", args, code, out, errOut)
		}
	}
	if code, out, _ := run(t, "", "search", "--db", db, "--lang", "en", "공청회를"); code != 0 || !strings.Contains(out, "no articles found") {
		t.Errorf("search --lang en for a Korean word: exit %d, output %q, want none", code, out)
	}
	if code, _, errOut := run(t, "", "search", "--db", db, "--lang", "Korean"); code != 2 || !strings.Contains(errOut, "not a language code") {
		t.Errorf("search --lang Korean: exit %d, stderr %q, want a usage error", code, errOut)
	}
}
