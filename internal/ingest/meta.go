package ingest

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/internal/extract/timex"
	"github.com/newsgraph/newsgraph/internal/news"
)

// Limits of the metadata read beside and above a plain-text article.
const (
	// MaxFrontMatterBytes is the largest front-matter block read; a
	// longer "---" block is text.
	MaxFrontMatterBytes = 4 << 10
	// MaxSidecarBytes is the largest FILE.meta.json read.
	MaxSidecarBytes = 64 << 10
	// MaxHeadlineRunes is the longest first line taken as a headline.
	MaxHeadlineRunes = 200
	// SidecarSuffix names the sidecar file of FILE: FILE.meta.json.
	SidecarSuffix = ".meta.json"
)

// meta is an article's title, publication date and URL as a front-matter
// block or a sidecar file gives them; empty fields are not given.
type meta struct {
	Title     string `json:"title"`
	Published string `json:"published"`
	URL       string `json:"url"`
}

// date parses m.Published (YYYY-MM-DD, or an RFC 3339 time); zero when
// absent.
func (m meta) date(where string) (time.Time, error) {
	if m.Published == "" {
		return time.Time{}, nil
	}
	for _, layout := range []string{"2006-01-02", time.RFC3339} {
		if t, err := time.Parse(layout, m.Published); err == nil {
			return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC), nil
		}
	}
	return time.Time{}, fmt.Errorf("%s: published %q is not a date like 2015-02-19", where, m.Published)
}

// splitFrontMatter takes a leading front-matter block off text: a line
// "---", lines "key: value" (title, published, url; others are ignored;
// a value may be in double quotes) and a closing line "---". It returns
// text unchanged and ok false when text has no such block.
func splitFrontMatter(text string) (m meta, rest string, ok bool) {
	if !strings.HasPrefix(text, "---\n") && !strings.HasPrefix(text, "---\r\n") {
		return meta{}, text, false
	}
	body := text[strings.IndexByte(text, '\n')+1:]
	end := -1
	for off := 0; off < len(body) && off <= MaxFrontMatterBytes; {
		nl := strings.IndexByte(body[off:], '\n')
		line := body[off:]
		if nl >= 0 {
			line = body[off : off+nl]
		}
		if strings.TrimRight(line, "\r") == "---" {
			end = off
			rest = ""
			if nl >= 0 {
				rest = body[off+nl+1:]
			}
			break
		}
		if nl < 0 {
			break
		}
		off += nl + 1
	}
	if end < 0 {
		return meta{}, text, false
	}
	for _, line := range strings.Split(body[:end], "\n") {
		key, value, found := strings.Cut(line, ":")
		if !found {
			continue
		}
		value = strings.TrimSpace(value)
		if len(value) >= 2 && value[0] == '"' && value[len(value)-1] == '"' {
			value = value[1 : len(value)-1]
		}
		switch strings.ToLower(strings.TrimSpace(key)) {
		case "title":
			m.Title = value
		case "published", "date":
			m.Published = value
		case "url":
			m.URL = value
		}
	}
	return m, strings.TrimLeft(rest, "\r\n"), true
}

// readSidecar reads path+SidecarSuffix, a JSON object with the string
// fields "title", "published" (YYYY-MM-DD) and "url". A missing sidecar
// is no error: ok is false.
func readSidecar(path string) (m meta, ok bool, err error) {
	name := path + SidecarSuffix
	data, err := os.ReadFile(name)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return meta{}, false, nil
	case err != nil:
		return meta{}, false, fmt.Errorf("read %s: %w", name, unwrapPathError(err))
	case len(data) > MaxSidecarBytes:
		return meta{}, false, fmt.Errorf("%s: larger than %d bytes", name, MaxSidecarBytes)
	}
	if err := json.Unmarshal(data, &m); err != nil {
		return meta{}, false, fmt.Errorf("%s: not a JSON object of title, published and url: %w", name, err)
	}
	return m, true, nil
}

// Headline returns the first line of a plain text when it reads as a
// headline: at most MaxHeadlineRunes, two words or more, a blank line or
// the end of the paragraph after it, starting with a capital or digit,
// not ending like a clause (, ; : -) nor with a stop unless in title case
// ("Poll: Wealthy Voters Abandon Republican Party."), and not a dateline. ok is false
// otherwise.
func Headline(text string) (string, bool) {
	line, after, _ := strings.Cut(text, "\n")
	line = strings.TrimSpace(line)
	if line == "" || utf8.RuneCountInString(line) > MaxHeadlineRunes || len(strings.Fields(line)) < 2 {
		return "", false
	}
	if strings.TrimSpace(after) != "" && !strings.HasPrefix(strings.TrimLeft(after, " \t\r"), "\n") {
		return "", false // the line runs on into a paragraph
	}
	first, _ := utf8.DecodeRuneInString(line)
	last, _ := utf8.DecodeLastRuneInString(line)
	if !unicode.IsUpper(first) && !unicode.IsDigit(first) && first != '\'' && first != '"' && first != '‘' && first != '“' {
		return "", false
	}
	if strings.ContainsRune(",;:-—–", last) || strings.HasSuffix(line, "(Reuters)") {
		return "", false
	}
	if last == '.' && !titleCased(line) {
		return "", false // a sentence; a headline in title case may end with a stop
	}
	if _, isDateline := timex.Dateline(line); isDateline {
		return "", false
	}
	return line, true
}

// titleCased reports whether most of line's words of four letters or more
// begin with a capital.
func titleCased(line string) bool {
	long, upper := 0, 0
	for _, w := range strings.Fields(line) {
		if utf8.RuneCountInString(w) < 4 {
			continue
		}
		long++
		if r, _ := utf8.DecodeRuneInString(w); unicode.IsUpper(r) {
			upper++
		}
	}
	return long > 0 && upper*4 >= long*3
}

// datedName finds a YYYY-MM-DD date in a file name
// ("west-journal_2016-07-06_lynch.txt").
var datedName = regexp.MustCompile(`(?:^|[^0-9])((?:19|20)[0-9]{2})-([01][0-9])-([0-3][0-9])(?:[^0-9]|$)`)

// FilenameDate returns the date a file's base name carries, if any.
func FilenameDate(path string) (time.Time, bool) {
	m := datedName.FindStringSubmatch(filepath.Base(path))
	if m == nil {
		return time.Time{}, false
	}
	t, err := time.Parse("2006-01-02", m[1]+"-"+m[2]+"-"+m[3])
	return t, err == nil
}

// datelineDate returns the date of a dateline that opens text or, when
// the text opens with a headline, the paragraph after it.
func datelineDate(text string) (time.Time, bool) {
	if t, ok := timex.Dateline(text); ok {
		return t, true
	}
	if _, ok := Headline(text); ok {
		_, after, _ := strings.Cut(text, "\n")
		return timex.Dateline(strings.TrimLeft(after, " \t\r\n"))
	}
	return time.Time{}, false
}

// plainMeta gives a plain-text doc the title, URL and date of its front
// matter and sidecar, then a headline title, a dateline or file-name
// date, each only where nothing earlier gave one.
func plainMeta(doc *news.Doc, front, side *meta) error {
	for _, m := range []struct {
		m     *meta
		from  string
		where string
	}{{front, news.PublishedFromFrontMatter, doc.Source + ": front matter"}, {side, news.PublishedFromSidecar, doc.Source + SidecarSuffix}} {
		if m.m == nil {
			continue
		}
		t, err := m.m.date(m.where)
		if err != nil {
			return err
		}
		setMeta(doc, m.m.Title, m.m.URL, t, m.from)
	}
	if doc.Title == "" {
		doc.Title, _ = Headline(doc.Text)
	}
	if doc.Published.IsZero() {
		if t, ok := datelineDate(doc.Text); ok {
			setMeta(doc, "", "", t, news.PublishedFromDateline)
		} else if t, ok := FilenameDate(doc.Source); ok {
			setMeta(doc, "", "", t, news.PublishedFromFilename)
		}
	}
	return nil
}

// setMeta fills doc's empty title, URL and date from the given ones.
func setMeta(doc *news.Doc, title, url string, published time.Time, from string) {
	if doc.Title == "" {
		doc.Title = normaliseLine(title)
	}
	if doc.URL == "" {
		doc.URL = strings.TrimSpace(url)
	}
	if doc.Published.IsZero() && !published.IsZero() {
		doc.Published, doc.PublishedSource = published, from
	}
}
