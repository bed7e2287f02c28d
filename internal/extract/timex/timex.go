// Package timex finds date expressions in news text and resolves them
// against the publication date: absolute dates ("26 June 2005", "January
// 22"), weekdays ("on Monday"), and relative ones ("last year", "December
// last year", "two days ago", "next week").
//
// It is a small grammar over words rather than a general date parser: the
// stage needs each expression's exact span, its granularity (day, week,
// month, year), and a reading of weekdays and bare months that depends on
// the tense of the sentence, which general-purpose parsers do not give.
package timex

import "time"

// Granularities of a resolved date.
const (
	Day   = "day"
	Week  = "week" // Value is the Monday that starts the week
	Month = "month"
	Year  = "year"
)

// Date is one date expression: its byte span in the text, its words, and
// its value resolved against the reference date ("" when it cannot be
// resolved, as a relative date without a publication date).
type Date struct {
	Start, End  int
	Text        string
	Value       string // YYYY-MM-DD, YYYY-MM or YYYY
	Granularity string
}

// value is a partly known date: y, m, d are 0 when not part of it.
type value struct {
	y, m, d int
	gran    string
	ok      bool // resolved
}

func (v value) String() string {
	if !v.ok {
		return ""
	}
	switch v.gran {
	case Year:
		return time.Date(v.y, 1, 1, 0, 0, 0, 0, time.UTC).Format("2006")
	case Month:
		return time.Date(v.y, time.Month(v.m), 1, 0, 0, 0, 0, time.UTC).Format("2006-01")
	}
	return time.Date(v.y, time.Month(v.m), v.d, 0, 0, 0, 0, time.UTC).Format("2006-01-02")
}

func dayValue(t time.Time) value {
	return value{y: t.Year(), m: int(t.Month()), d: t.Day(), gran: Day, ok: true}
}

// weekValue is the week that holds t, as its Monday.
func weekValue(t time.Time) value {
	off := (int(t.Weekday()) + 6) % 7
	v := dayValue(t.AddDate(0, 0, -off))
	v.gran = Week
	return v
}

// Find returns the date expressions of text in order, resolved against
// ref (the publication date; the zero time when unknown). It never fails;
// text that holds no dates gives none.
func Find(text string, ref time.Time) []Date {
	p := &parser{text: text, ws: lex(text), ref: ref, hasRef: !ref.IsZero()}
	if p.hasRef {
		p.ref = time.Date(ref.Year(), ref.Month(), ref.Day(), 0, 0, 0, 0, time.UTC)
	}
	var out []Date
	for i := 0; i < len(p.ws); {
		n, start, v := p.match(i)
		if n == 0 {
			i++
			continue
		}
		end := p.ws[i+n-1].end
		out = append(out, Date{Start: start, End: end, Text: text[start:end], Value: v.String(), Granularity: v.gran})
		i += n
	}
	return out
}

type parser struct {
	text   string
	ws     []word
	ref    time.Time
	hasRef bool
}

// word returns word i, or an empty word when i is out of range.
func (p *parser) word(i int) word {
	if i < 0 || i >= len(p.ws) {
		return word{sep: "\n"}
	}
	return p.ws[i]
}

// triggers are the words that make a bare month or year a date: "in
// March", "since 2015". Not "to" or "and": "spoke to May" is a person.
var triggers = map[string]bool{
	"in": true, "since": true, "by": true, "until": true, "till": true, "from": true, "during": true,
	"before": true, "after": true, "of": true, "through": true, "between": true, "early": true,
	"late": true, "mid": true, "throughout": true, "year": true, "around": true,
}

// modifiers extend the expression that follows them without changing its
// value: "earlier this year", "mid-June", "late last year".
var modifiers = map[string]bool{"earlier": true, "later": true, "early": true, "late": true, "mid": true}

// match tries the grammar at word i. It returns the number of words the
// expression takes (0: none), its start byte and its value.
func (p *parser) match(i int) (int, int, value) {
	w := p.ws[i]
	if modifiers[w.lower] {
		if n, _, v := p.match1(i + 1); n > 0 && tight(p.word(i+1)) {
			return n + 1, w.start, v
		}
		return 0, 0, value{}
	}
	if w.lower == "on" {
		if n, _, v := p.match1(i + 1); n > 0 && tight(p.word(i+1)) && v.gran == Day {
			return n + 1, w.start, v
		}
		return 0, 0, value{}
	}
	return p.match1(i)
}

func (p *parser) match1(i int) (int, int, value) {
	if i >= len(p.ws) {
		return 0, 0, value{}
	}
	w := p.ws[i]
	for _, f := range []func(int) (int, value){p.absolute, p.weekday, p.deictic, p.relative, p.ago} {
		if n, v := f(i); n > 0 {
			return n, w.start, v
		}
	}
	return 0, 0, value{}
}
