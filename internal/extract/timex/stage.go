package timex

import (
	"context"
	"strings"
	"time"
	"unicode"

	"github.com/newsgraph/newsgraph/internal/news"
	"github.com/newsgraph/newsgraph/internal/pipeline"
)

// Stage finds and resolves the dates of an article.
//
// It reads doc.Text and doc.Published and sets doc.Dates to every date
// expression in text order, with Value resolved against the publication
// date (empty when it cannot be: a relative date in an article without
// one). When doc.Published is zero and the article opens with a dateline
// that holds a full date ("ISLAMABAD, 26 June 2005 —"), that date becomes
// doc.Published. The stage holds no state and is safe for concurrent use.
type Stage struct{}

var _ pipeline.Stage = Stage{}

// New returns the timex stage.
func New() Stage { return Stage{} }

// Name is "timex".
func (Stage) Name() string { return "timex" }

// Process resolves doc's dates; see Stage.
func (Stage) Process(ctx context.Context, doc *news.Doc) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if doc.Published.IsZero() {
		if t, ok := Dateline(doc.Text); ok {
			doc.Published, doc.PublishedSource = t, news.PublishedFromDateline
		}
	}
	found := Find(doc.Text, doc.Published)
	doc.Dates = make([]news.DateRef, 0, len(found))
	for _, d := range found {
		doc.Dates = append(doc.Dates, news.DateRef{Span: news.Span{Start: d.Start, End: d.End}, Text: d.Text, Value: d.Value, Granularity: news.Granularity(d.Granularity)})
	}
	return nil
}

// Dateline returns the date of a dateline that opens text: a place in
// capitals, a comma, a full date with day, month and year, then a dash,
// colon or parenthesis ("ISLAMABAD, 26 June 2005 —", "LONDON, Feb. 19,
// 2015 (Reuters) -").
func Dateline(text string) (time.Time, bool) {
	head := text
	if len(head) > 120 {
		head = head[:120]
	}
	comma := strings.IndexByte(head, ',')
	if comma < 2 || !allCaps(head[:comma]) {
		return time.Time{}, false
	}
	ds := Find(head, time.Time{})
	if len(ds) == 0 || ds[0].Granularity != Day || ds[0].Value == "" {
		return time.Time{}, false
	}
	if strings.TrimSpace(head[comma+1:ds[0].Start]) != "" {
		return time.Time{}, false
	}
	rest := strings.TrimLeft(head[ds[0].End:], " ")
	if rest == "" || !strings.ContainsRune("—–-:(", []rune(rest)[0]) {
		return time.Time{}, false
	}
	t, err := time.Parse("2006-01-02", ds[0].Value)
	return t, err == nil
}

func allCaps(s string) bool {
	letters := 0
	for _, r := range s {
		switch {
		case unicode.IsUpper(r):
			letters++
		case unicode.IsLower(r) || unicode.IsDigit(r):
			return false
		}
	}
	return letters >= 3
}
