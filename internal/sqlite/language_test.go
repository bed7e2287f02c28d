package sqlite_test

import (
	"context"
	"database/sql"
	"path/filepath"
	"testing"

	"github.com/newsgraph/newsgraph/internal/news"
	"github.com/newsgraph/newsgraph/internal/newstest"
	"github.com/newsgraph/newsgraph/internal/sqlite"
)

// TestArticlesInOtherScriptsAreSearchable stores articles in six
// languages and scripts, with their language, and finds each by a word of
// its own: the full-text index splits every script into words (Hangul,
// Arabic, Devanagari with its vowel signs, Cyrillic; an Arabic word ending
// in a tanween mark is found without it), and a search may keep only one
// language. (A word written with vowel marks inside it, "البَلَدِيَّة", is
// found only as written: the tokenizer splits words at such marks.)
func TestArticlesInOtherScriptsAreSearchable(t *testing.T) {
	db := MustOpen(t)
	defer db.Close()
	ctx := context.Background()
	articles := []struct {
		lang, text, word string
	}{
		{"ko", "서울시는 화요일 한강 다리 보수 공사를 다음 달로 연기한다고 밝혔다.", "연기한다고"},
		{"ar", "أجل المجلس البلدي يوم الثلاثاء التصويت على الجسر الجديد.", "التصويت"},
		{"ar", "وقال رئيس البلدية إن المجلس سيجتمع مجدداً الشهر المقبل.", "مجددا"},
		{"ur", "سٹی کونسل نے منگل کے روز نئے پل پر ووٹنگ ملتوی کر دی۔", "ملتوی"},
		{"hi", "नगर परिषद ने मंगलवार को नए पुल पर मतदान स्थगित कर दिया।", "स्थगित"},
		{"ru", "Во вторник городской совет отложил голосование по новому мосту.", "голосование"},
		{"de", "Der Stadtrat hat die Abstimmung über die neue Brücke verschoben.", "Brücke"},
	}
	for i, a := range articles {
		doc := newstest.MustDoc(t, newstest.DocSpec{Source: a.lang + string(rune('a'+i)) + ".txt", Text: a.text})
		doc.Language = a.lang
		newstest.MustPut(t, db, doc)
	}
	for i, a := range articles {
		hits, err := db.Search(ctx, news.SearchQuery{Text: a.word})
		if err != nil {
			t.Fatalf("search %q: %v", a.word, err)
		}
		src := a.lang + string(rune('a'+i)) + ".txt"
		if len(hits) != 1 || hits[0].Source != src || hits[0].Language != a.lang {
			t.Errorf("search %q: %+v, want only %s in %s", a.word, hits, src, a.lang)
		}
	}
	hits, err := db.Search(ctx, news.SearchQuery{Language: "ar"})
	if err != nil {
		t.Fatal(err)
	}
	if len(hits) != 2 || hits[0].Language != "ar" || hits[1].Language != "ar" {
		t.Errorf("articles in ar: %+v, want the two Arabic ones", hits)
	}
	if hits, _ := db.Search(ctx, news.SearchQuery{Text: "Brücke", Language: "ru"}); len(hits) != 0 {
		t.Errorf("Brücke in ru: %+v, want none", hits)
	}
}

// TestLanguageMigrationKeepsOldArticlesEnglish takes a store back to the
// schema before the language column (an article stored, the column and
// its migration gone) and opens it again: the migration adds the column
// and the old article, processed as English, is found as "en".
func TestLanguageMigrationKeepsOldArticlesEnglish(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "news.db")
	if err := putOne(ctx, path, docFor(t, "old.txt", 1)); err != nil {
		t.Fatal(err)
	}
	raw, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{`DROP INDEX articles_language`, `ALTER TABLE articles DROP COLUMN language`,
		`DELETE FROM schema_migrations WHERE name LIKE '%_article_language.sql'`} {
		if _, err := raw.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	raw.Close()
	db, err := sqlite.Open(ctx, sqlite.Config{Path: path})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	hits, err := db.Search(ctx, news.SearchQuery{Text: "stored", Language: "en"})
	if err != nil {
		t.Fatal(err)
	}
	if len(hits) != 1 || hits[0].Language != "en" {
		t.Errorf("old article after the migration: %+v, want it in en", hits)
	}
}
