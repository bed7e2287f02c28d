package ingest

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/internal/news"
)

const wire = "Ministry denies report of troops crossing the border\n\n" +
	"ISLAMABAD, March 4, 2025 (Reuters) - Pakistan's Foreign Office on Tuesday rejected a report.\n"

func writeFile(t *testing.T, dir, name, text string) string {
	t.Helper()
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func date(s string) time.Time { t, _ := time.Parse("2006-01-02", s); return t }

// Plain text gets a title and a date, and says where the date came from,
// in the order flag, front matter, sidecar, dateline, file name.
func TestPlainTextTitleAndDate(t *testing.T) {
	dir := t.TempDir()
	front := "---\ntitle: \"Front title\"\npublished: 2024-01-02\nurl: https://example.com/a\n---\n" + wire
	for _, tc := range []struct {
		name, file, text, sidecar string
		opt                       Options
		title, published, from    string
		url                       string
	}{
		{name: "dateline", file: "a.txt", text: wire,
			title: "Ministry denies report of troops crossing the border", published: "2025-03-04", from: news.PublishedFromDateline},
		{name: "flag", file: "b_2016-07-06.txt", text: wire, opt: Options{Published: date("2020-05-05"), Title: "Given"},
			title: "Given", published: "2020-05-05", from: news.PublishedFromFlag},
		{name: "front matter", file: "c_2016-07-06.txt", text: front,
			title: "Front title", published: "2024-01-02", from: news.PublishedFromFrontMatter, url: "https://example.com/a"},
		{name: "sidecar", file: "d_2016-07-06.txt", text: wire, sidecar: `{"title":"Side","published":"2023-03-03"}`,
			title: "Side", published: "2023-03-03", from: news.PublishedFromSidecar},
		{name: "file name", file: "west-journal_2016-07-06_lynch.txt", text: "Lynch meets Clinton on the tarmac\n\nThe attorney general met him.\n",
			title: "Lynch meets Clinton on the tarmac", published: "2016-07-06", from: news.PublishedFromFilename},
		{name: "nothing", file: "e.txt", text: "The attorney general met him on the tarmac.\nHe said so.\n"},
	} {
		path := writeFile(t, dir, tc.file, tc.text)
		if tc.sidecar != "" {
			writeFile(t, dir, tc.file+SidecarSuffix, tc.sidecar)
		}
		doc, err := ReadFile(path, tc.opt)
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		got := ""
		if !doc.Published.IsZero() {
			got = doc.Published.Format("2006-01-02")
		}
		if doc.Title != tc.title || got != tc.published || doc.PublishedSource != tc.from || doc.URL != tc.url {
			t.Errorf("%s: title %q published %q from %q url %q; want %q %q %q %q", tc.name,
				doc.Title, got, doc.PublishedSource, doc.URL, tc.title, tc.published, tc.from, tc.url)
		}
		if strings.Contains(doc.Text, "---") || doc.Source != path {
			t.Errorf("%s: front matter left in the text or source %q lost", tc.name, doc.Source)
		}
	}
}

func TestBadMetadataIsAnError(t *testing.T) {
	dir := t.TempDir()
	path := writeFile(t, dir, "a.txt", "---\npublished: yesterday\n---\nSome text here.\n")
	if _, err := ReadFile(path, Options{}); err == nil || !strings.Contains(err.Error(), "yesterday") {
		t.Errorf("a bad front-matter date: %v, want an error naming it", err)
	}
	path = writeFile(t, dir, "b.txt", "Some text here.\n")
	writeFile(t, dir, "b.txt"+SidecarSuffix, "{not json")
	if _, err := ReadFile(path, Options{}); err == nil || !strings.Contains(err.Error(), "b.txt.meta.json") {
		t.Errorf("a bad sidecar: %v, want an error naming it", err)
	}
}

func TestHeadline(t *testing.T) {
	for text, want := range map[string]string{
		"Poll: Wealthy Voters Abandon Republican Party for Hillary Clinton.\n\nA Bloomberg poll.": "Poll: Wealthy Voters Abandon Republican Party for Hillary Clinton.",
		"Ministry denies report\n\nISLAMABAD - text.":                                             "Ministry denies report",
		"Days after the minister denied it, the office said the group is a threat.\nMore.":        "",
		"KABUL, Afghanistan — Taliban spokesman dismissed the report.\n":                          "",
		"ISLAMABAD: Pakistan's Foreign Office on Saturday again rejected it.\nMore.":              "",
		"the lower case start\n\nText.":                                                           "",
		"One\n\nText.":                                                                            "",
	} {
		if got, _ := Headline(text); got != want {
			t.Errorf("Headline(%.40q) = %q, want %q", text, got, want)
		}
	}
}
