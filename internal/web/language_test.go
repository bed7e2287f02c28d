package web

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/internal/newstest"
	"github.com/newsgraph/newsgraph/internal/sqlite"
)

// TestArticlePageShowsLanguageAndNotes checks that the page of an article
// in another language says which, marks its text with it (so that a
// browser lays out Arabic right to left and picks Korean fonts) and shows
// the note that the English-only stages were skipped.
func TestArticlePageShowsLanguageAndNotes(t *testing.T) {
	db, err := sqlite.Open(context.Background(), sqlite.Config{Path: filepath.Join(t.TempDir(), "news.db")})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	doc := newstest.MustDoc(t, newstest.DocSpec{Source: "seoul.txt", Title: "시의회, 다리 건설 표결 연기",
		Text: "시의회는 화요일 새 다리 건설에 대한 표결을 연기했다."})
	doc.Language, doc.LanguageConfidence = "ko", 1
	doc.Notes = []string{"language ko: English-only stages skipped (ner, link, syntax, quote, timex, geo, event, claim)"}
	newstest.MustPut(t, db, doc)
	s, err := New(Config{Store: db, Token: "tok", Version: "test"})
	if err != nil {
		t.Fatal(err)
	}
	body := get(s, "/articles/1").Body.String()
	for _, want := range []string{`<span class="lang">language ko</span>`,
		`<p class="meta note" role="note">language ko: English-only stages skipped (ner, link, syntax, quote, timex, geo, event, claim)</p>`,
		`<div class="body" id="body" lang="ko" dir="auto">`, "표결을"} {
		if !strings.Contains(body, want) {
			t.Errorf("article page lacks %s", want)
		}
	}
	if body := get(s, "/?q=표결을").Body.String(); !strings.Contains(body, `<span class="muted lang">language ko</span>`) {
		t.Errorf("search page does not mark the Korean hit's language")
	}
}
