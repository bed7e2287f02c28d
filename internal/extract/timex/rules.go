package timex

import (
	"strings"
	"time"
)

// absolute matches calendar dates: "January 22, 2015", "Jan. 22",
// "22 January 2015", "26th of June", "June 2005", "December last year",
// "in March", "since 2015", "2015-02-19".
func (p *parser) absolute(i int) (int, value) {
	w := p.ws[i]
	if y := year(w); y > 0 {
		// ISO 8601: 2015-02-19.
		w1, w2 := p.word(i+1), p.word(i+2)
		if w1.sep == "-" && w2.sep == "-" && len(w1.text) == 2 && len(w2.text) == 2 {
			if m, d := atoi(w1.text), atoi(w2.text); validDate(y, m, d) {
				return 3, value{y: y, m: m, d: d, gran: Day, ok: true}
			}
		}
		if triggers[p.word(i-1).lower] && tight(w) && !unitFollows(p.word(i+1)) {
			return 1, value{y: y, gran: Year, ok: true}
		}
		return 0, value{}
	}
	if m := month(w); m > 0 {
		w1, w2 := p.word(i+1), p.word(i+2)
		if d := day(w1); d > 0 && joined(w, w1) {
			if y := year(w2); y > 0 && joined(w1, w2) {
				if !validDate(y, m, d) {
					return 0, value{}
				}
				return 3, value{y: y, m: m, d: d, gran: Day, ok: true}
			}
			if !validDate(2000, m, d) { // 2000 is a leap year: Feb 29 may be valid
				return 0, value{}
			}
			return 2, p.inferYear(i, m, d)
		}
		if y := year(w1); y > 0 && joined(w, w1) {
			return 2, value{y: y, m: m, gran: Month, ok: true}
		}
		if w1.lower == "of" && year(w2) > 0 && tight(w1) && tight(w2) {
			return 3, value{y: year(w2), m: m, gran: Month, ok: true}
		}
		if off, ok := relOffset[w1.lower]; ok && w2.lower == "year" && tight(w1) && tight(w2) {
			if !p.hasRef {
				return 3, value{gran: Month}
			}
			return 3, value{y: p.ref.Year() + off, m: m, gran: Month, ok: true}
		}
		if (triggers[p.word(i-1).lower] || p.rangeEnd(i)) && tight(w) {
			if y := p.rangeYear(i); y > 0 {
				return 1, value{y: y, m: m, gran: Month, ok: true}
			}
			return 1, p.inferMonth(i, m)
		}
		return 0, value{}
	}
	if d := day(w); d > 0 {
		// "22 January 2015", "26th of June".
		j := i + 1
		if p.word(j).lower == "of" && tight(p.word(j)) {
			j++
		}
		m := month(p.word(j))
		if m == 0 || !tight(p.word(j)) {
			return 0, value{}
		}
		if y := year(p.word(j + 1)); y > 0 && joined(p.word(j), p.word(j+1)) {
			if !validDate(y, m, d) {
				return 0, value{}
			}
			return j + 2 - i, value{y: y, m: m, d: d, gran: Day, ok: true}
		}
		if !validDate(2000, m, d) {
			return 0, value{}
		}
		return j + 1 - i, p.inferYear(j, m, d)
	}
	return 0, value{}
}

// rangeEnd reports the second month of a range: "March to May", "March
// and April" (where "to" or "and" alone would not make "May" a month).
func (p *parser) rangeEnd(i int) bool {
	switch p.word(i - 1).lower {
	case "to", "and", "or":
		return month(p.word(i-2)) > 0
	}
	return false
}

// rangeYear returns the year written after the second month of a range
// that begins with the month at i ("between January and August 2020":
// January is of 2020 too), or 0.
func (p *parser) rangeYear(i int) int {
	switch p.word(i + 1).lower {
	case "to", "and", "or", "through", "until":
	default:
		return 0
	}
	m2, y := p.word(i+2), p.word(i+3)
	if month(m2) == 0 || !tight(p.word(i+1)) || !tight(m2) || !joined(m2, y) {
		return 0
	}
	return year(y)
}

// relOffset is the offset in years, months or weeks of "last year",
// "next month", "December last year".
var relOffset = map[string]int{"last": -1, "this": 0, "next": 1, "previous": -1, "past": -1, "coming": 1}

// unitFollows reports a word that makes a four-digit number a quantity
// ("in 2015 votes") rather than a year.
func unitFollows(w word) bool {
	if strings.TrimSpace(w.sep) != "" {
		return false
	}
	switch w.lower {
	case "people", "votes", "cases", "troops", "soldiers", "deaths", "dead", "times", "km", "miles", "metres",
		"meters", "tonnes", "tons", "dollars", "euros", "pounds", "rupees", "users", "members", "families",
		"homes", "houses", "students", "workers", "jobs", "children", "women", "men", "refugees", "migrants":
		return true
	}
	return false
}

// weekday matches "Monday", "last Monday", "next Friday", "this Tuesday".
func (p *parser) weekday(i int) (int, value) {
	w := p.ws[i]
	n, wd, rel := 1, -1, ""
	if x, ok := weekdays[w.lower]; ok {
		wd = x
	} else if w.lower == "last" || w.lower == "next" || w.lower == "this" || w.lower == "past" || w.lower == "coming" {
		if x, ok := weekdays[p.word(i+1).lower]; ok && tight(p.word(i+1)) {
			n, wd, rel = 2, x, w.lower
		}
	}
	if wd < 0 {
		return 0, value{}
	}
	if !p.hasRef {
		return n, value{gran: Day}
	}
	ref := int(p.ref.Weekday())
	back := (ref - wd + 7) % 7
	fwd := (wd - ref + 7) % 7
	switch {
	case rel == "last" || rel == "past":
		if back == 0 {
			back = 7
		}
		return n, dayValue(p.ref.AddDate(0, 0, -back))
	case rel == "next" || rel == "coming":
		if fwd == 0 {
			fwd = 7
		}
		return n, dayValue(p.ref.AddDate(0, 0, fwd))
	case p.future(i):
		return n, dayValue(p.ref.AddDate(0, 0, fwd))
	}
	// Past (and the default in news): the most recent such day on or
	// before publication; wire copy calls the publication day itself by
	// its weekday ("said on Monday" in Monday's story).
	return n, dayValue(p.ref.AddDate(0, 0, -back))
}

// deictic matches "today", "yesterday", "tomorrow", "tonight", "last
// night", "this morning".
func (p *parser) deictic(i int) (int, value) {
	w := p.ws[i]
	off, n := 0, 1
	switch w.lower {
	case "today", "tonight":
	case "yesterday":
		off = -1
	case "tomorrow":
		off = 1
	case "last":
		if x := p.word(i + 1); x.lower == "night" && tight(x) {
			off, n = -1, 2
		} else {
			return 0, value{}
		}
	case "this":
		if x := p.word(i + 1); (x.lower == "morning" || x.lower == "afternoon" || x.lower == "evening") && tight(x) {
			n = 2
		} else {
			return 0, value{}
		}
	default:
		return 0, value{}
	}
	if !p.hasRef {
		return n, value{gran: Day}
	}
	return n, dayValue(p.ref.AddDate(0, 0, off))
}

// relative matches "last year", "this month", "next week", "last
// December", "the previous year".
func (p *parser) relative(i int) (int, value) {
	w := p.ws[i]
	off, ok := relOffset[w.lower]
	if !ok {
		return 0, value{}
	}
	w1 := p.word(i + 1)
	if !tight(w1) {
		return 0, value{}
	}
	if m := month(w1); m > 0 {
		if !p.hasRef {
			return 2, value{gran: Month}
		}
		y, rm := p.ref.Year(), int(p.ref.Month())
		switch {
		case off < 0 && m >= rm:
			y--
		case off > 0 && m <= rm:
			y++
		}
		return 2, value{y: y, m: m, gran: Month, ok: true}
	}
	gran := map[string]string{"year": Year, "month": Month, "week": Week}[w1.lower]
	if gran == "" {
		return 0, value{}
	}
	if !p.hasRef {
		return 2, value{gran: gran}
	}
	switch gran {
	case Year:
		return 2, value{y: p.ref.Year() + off, gran: Year, ok: true}
	case Month:
		t := p.ref.AddDate(0, off, 1-p.ref.Day())
		return 2, value{y: t.Year(), m: int(t.Month()), gran: Month, ok: true}
	}
	return 2, weekValue(p.ref.AddDate(0, 0, 7*off))
}

// ago matches "two days ago", "a year ago", "3 weeks ago".
func (p *parser) ago(i int) (int, value) {
	n, j := count(p.ws[i]), i+1
	if p.ws[i].lower == "a" && p.word(i+1).lower == "few" { // "a few days ago": no exact value
		n, j = -1, i+2
	}
	if n == 0 {
		return 0, value{}
	}
	unit, ago := p.word(j), p.word(j+1)
	if ago.lower != "ago" || !tight(unit) || !tight(ago) {
		return 0, value{}
	}
	u := strings.TrimSuffix(unit.lower, "s")
	gran := map[string]string{"day": Day, "week": Week, "month": Month, "year": Year}[u]
	if gran == "" {
		return 0, value{}
	}
	width := j + 2 - i
	if n < 0 || !p.hasRef {
		return width, value{gran: gran}
	}
	switch gran {
	case Day:
		return width, dayValue(p.ref.AddDate(0, 0, -n))
	case Week:
		return width, weekValue(p.ref.AddDate(0, 0, -7*n))
	case Month:
		t := p.ref.AddDate(0, -n, 1-p.ref.Day())
		return width, value{y: t.Year(), m: int(t.Month()), gran: Month, ok: true}
	}
	return width, value{y: p.ref.Year() - n, gran: Year, ok: true}
}

// inferYear gives a day without a year the year that puts it on the side
// of the publication date the sentence's tense points to.
func (p *parser) inferYear(i, m, d int) value {
	if !p.hasRef {
		return value{gran: Day}
	}
	y := p.ref.Year()
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if p.future(i) {
		if t.Before(p.ref) {
			y++
		}
	} else if t.After(p.ref) {
		y--
	}
	if !validDate(y, m, d) {
		return value{gran: Day}
	}
	return value{y: y, m: m, d: d, gran: Day, ok: true}
}

// inferMonth does the same for a month without a year ("in March").
func (p *parser) inferMonth(i, m int) value {
	if !p.hasRef {
		return value{gran: Month}
	}
	y, rm := p.ref.Year(), int(p.ref.Month())
	if p.future(i) {
		if m < rm {
			y++
		}
	} else if m > rm {
		y--
	}
	return value{y: y, m: m, gran: Month, ok: true}
}

func validDate(y, m, d int) bool {
	if m < 1 || m > 12 || d < 1 {
		return false
	}
	return d <= time.Date(y, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

func atoi(s string) int {
	n := 0
	for _, c := range []byte(s) {
		if c < '0' || c > '9' {
			return 0
		}
		n = n*10 + int(c-'0')
	}
	return n
}
