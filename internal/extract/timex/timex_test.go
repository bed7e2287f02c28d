package timex_test

import (
	"context"
	"os"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/internal/extract/timex"
	"github.com/newsgraph/newsgraph/internal/news"
)

// thu is the reference publication date of most cases: Thursday 19
// February 2015 (the week of the reference article).
var thu = time.Date(2015, 2, 19, 0, 0, 0, 0, time.UTC)

type want struct{ text, value, gran string }

func TestFind(t *testing.T) {
	none := []want{}
	tests := []struct {
		text string
		ref  time.Time
		want []want
	}{
		// Weekdays: past tense is the most recent such day on or before
		// publication, future tense the next on or after.
		{"The minister spoke on Monday.", thu, []want{{"on Monday", "2015-02-16", "day"}}},
		{"He said on Thursday that the talks failed.", thu, []want{{"on Thursday", "2015-02-19", "day"}}},
		{"Police arrested him on Friday.", thu, []want{{"on Friday", "2015-02-13", "day"}}},
		{"The talks will resume on Friday.", thu, []want{{"on Friday", "2015-02-20", "day"}}},
		{"He said on Monday he will travel to Kabul.", thu, []want{{"on Monday", "2015-02-16", "day"}}},
		{"He left last Monday.", thu, []want{{"last Monday", "2015-02-16", "day"}}},
		{"He left last Thursday.", thu, []want{{"last Thursday", "2015-02-12", "day"}}},
		{"We meet next Monday.", thu, []want{{"next Monday", "2015-02-23", "day"}}},
		{"We meet next Thursday.", thu, []want{{"next Thursday", "2015-02-26", "day"}}},
		{"Voting ended Sunday.", thu, []want{{"Sunday", "2015-02-15", "day"}}},
		{"The summit will open Saturday.", thu, []want{{"Saturday", "2015-02-21", "day"}}},
		{"The meeting is scheduled for Wednesday.", thu, []want{{"Wednesday", "2015-02-25", "day"}}},
		{"Fighting broke out on Monday and Tuesday.", thu, []want{{"on Monday", "2015-02-16", "day"}, {"Tuesday", "2015-02-17", "day"}}},
		// Days around publication.
		{"The bill passed yesterday.", thu, []want{{"yesterday", "2015-02-18", "day"}}},
		{"Today the court ruled.", thu, []want{{"Today", "2015-02-19", "day"}}},
		{"The court rules tomorrow.", thu, []want{{"tomorrow", "2015-02-20", "day"}}},
		{"Shots were fired last night.", thu, []want{{"last night", "2015-02-18", "day"}}},
		{"The minister resigned this morning.", thu, []want{{"this morning", "2015-02-19", "day"}}},
		{"He speaks tonight.", thu, []want{{"tonight", "2015-02-19", "day"}}},
		// Relative years, months and weeks.
		{"Last year, the minister denied it.", thu, []want{{"Last year", "2014", "year"}}},
		{"Prices rose this year.", thu, []want{{"this year", "2015", "year"}}},
		{"Elections are due next year.", thu, []want{{"next year", "2016", "year"}}},
		{"Exports fell last month.", thu, []want{{"last month", "2015-01", "month"}}},
		{"The law takes effect next month.", thu, []want{{"next month", "2015-03", "month"}}},
		{"Talks began this month.", thu, []want{{"this month", "2015-02", "month"}}},
		{"Troops moved in last week.", thu, []want{{"last week", "2015-02-09", "week"}}},
		{"The envoy arrives next week.", thu, []want{{"next week", "2015-02-23", "week"}}},
		{"Strikes continued this week.", thu, []want{{"this week", "2015-02-16", "week"}}},
		{"The previous year was calm.", thu, []want{{"previous year", "2014", "year"}}},
		// "Ago".
		{"The bomb went off two days ago.", thu, []want{{"two days ago", "2015-02-17", "day"}}},
		{"He was freed 3 days ago.", thu, []want{{"3 days ago", "2015-02-16", "day"}}},
		{"A year ago the town fell.", thu, []want{{"A year ago", "2014", "year"}}},
		{"She left two weeks ago.", thu, []want{{"two weeks ago", "2015-02-02", "week"}}},
		{"The deal was signed six months ago.", thu, []want{{"six months ago", "2014-08", "month"}}},
		{"He arrived a few days ago.", thu, []want{{"a few days ago", "", "day"}}},
		// Months placed by a relative year, or relative to publication.
		{"He was arrested in December last year.", thu, []want{{"December last year", "2014-12", "month"}}},
		{"Sales in January this year rose.", thu, []want{{"January this year", "2015-01", "month"}}},
		{"The plant opens in March next year.", thu, []want{{"March next year", "2016-03", "month"}}},
		{"Floods hit last December.", thu, []want{{"last December", "2014-12", "month"}}},
		{"Floods hit last February.", thu, []want{{"last February", "2014-02", "month"}}},
		{"Polls open next March.", thu, []want{{"next March", "2015-03", "month"}}},
		{"Polls open next January.", thu, []want{{"next January", "2016-01", "month"}}},
		// Days without a year take the year the tense points to.
		{"It was only disclosed on January 22.", thu, []want{{"on January 22", "2015-01-22", "day"}}},
		{"He was arrested on March 3.", thu, []want{{"on March 3", "2014-03-03", "day"}}},
		{"The vote will be held on March 3.", thu, []want{{"on March 3", "2015-03-03", "day"}}},
		// The year after a range's second month is the first month's too.
		{"Cholera killed 66 people between January and August 2012.", thu, []want{{"January", "2012-01", "month"}, {"August 2012", "2012-08", "month"}}},
		{"Prices rose from March to May 2013.", thu, []want{{"March", "2013-03", "month"}, {"May 2013", "2013-05", "month"}}},
		// A possessive date is a date: "Tuesday's attack", "last year's total".
		{"Tuesday’s blast killed nine.", thu, []want{{"Tuesday", "2015-02-17", "day"}}},
		{"Officials counted last night's damage.", thu, []want{{"last night", "2015-02-18", "day"}}},
		{"Cases exceeded last year's total.", thu, []want{{"last year", "2014", "year"}}},
		{"Today's march was calm.", thu, []want{{"Today", "2015-02-19", "day"}}},
		{"The boss's car and O'Neill's bike were seen.", thu, nil},
		// The tense nearest the date decides, not a future marker in
		// another clause.
		{"She disputed the results of Sunday's vote, which the party is going to contest.", thu, []want{{"Sunday", "2015-02-15", "day"}}},
		{"He hoped senators will oppose it when the bill passed the House on Saturday.", thu, []want{{"on Saturday", "2015-02-14", "day"}}},
		{"The ministers will meet on Saturday, officials said.", thu, []want{{"on Saturday", "2015-02-21", "day"}}},
		{"The court will rule on January 5.", thu, []want{{"on January 5", "2016-01-05", "day"}}},
		{"He died Jan. 22 in Lahore.", thu, []want{{"Jan. 22", "2015-01-22", "day"}}},
		{"The 3rd of February was cold.", thu, []want{{"3rd of February", "2015-02-03", "day"}}},
		// Absolute dates.
		{"It ended on January 22, 2015.", thu, []want{{"on January 22, 2015", "2015-01-22", "day"}}},
		{"ISLAMABAD, 26 June 2005 — Troops left.", thu, []want{{"26 June 2005", "2005-06-26", "day"}}},
		{"It happened on the 26th of June, 2005.", thu, []want{{"26th of June, 2005", "2005-06-26", "day"}}},
		{"The dam opened in June 2005.", thu, []want{{"June 2005", "2005-06", "month"}}},
		{"The war began in March of 2003.", thu, []want{{"March of 2003", "2003-03", "month"}}},
		{"The report is dated 2015-02-19.", thu, []want{{"2015-02-19", "2015-02-19", "day"}}},
		{"Rents rose on Feb. 29, 2016.", thu, []want{{"on Feb. 29, 2016", "2016-02-29", "day"}}},
		// Bare months and years need a preposition.
		{"Fighting resumed in March.", thu, []want{{"March", "2014-03", "month"}}},
		{"Fighting resumed in January.", thu, []want{{"January", "2015-01", "month"}}},
		{"Elections will be held in March.", thu, []want{{"March", "2015-03", "month"}}},
		{"He has lived there since 2015.", thu, []want{{"2015", "2015", "year"}}},
		{"The treaty was signed in 1998.", thu, []want{{"1998", "1998", "year"}}},
		// Modifiers widen the span, not the value.
		{"The plant opened in mid-June.", thu, []want{{"mid-June", "2014-06", "month"}}},
		{"Prices fell earlier this year.", thu, []want{{"earlier this year", "2015", "year"}}},
		{"The group formed late last year.", thu, []want{{"late last year", "2014", "year"}}},
		{"Snow fell in early March.", thu, []want{{"early March", "2014-03", "month"}}},
		// Not dates.
		{"Officials may decide.", thu, none},
		{"May said the talks failed.", thu, none},
		{"He spoke to May on Monday.", thu, []want{{"on Monday", "2015-02-16", "day"}}},
		{"Talks ran from March to May.", thu, []want{{"March", "2014-03", "month"}, {"May", "2014-05", "month"}}},
		{"Thousands march in the capital.", thu, none},
		{"They counted 2015 votes.", thu, none},
		{"The rally in 2015 people attended.", thu, none},
		{"He arrived in March. 2015 was hard.", thu, []want{{"March", "2014-03", "month"}}},
		{"The court sat on February 30.", thu, none},
		{"Rents rose on Feb. 29, 2015.", thu, none},
		{"Gate 22 of Terminal 3.", thu, none},
		// Without a publication date relative dates stay unresolved.
		{"The minister spoke on Monday.", time.Time{}, []want{{"on Monday", "", "day"}}},
		{"It was disclosed on January 22.", time.Time{}, []want{{"on January 22", "", "day"}}},
		{"It ended on 26 June 2005.", time.Time{}, []want{{"on 26 June 2005", "2005-06-26", "day"}}},
		{"Last year, he denied it.", time.Time{}, []want{{"Last year", "", "year"}}},
		{"He was arrested in December last year.", time.Time{}, []want{{"December last year", "", "month"}}},
		{"Two days ago the bomb went off.", time.Time{}, []want{{"Two days ago", "", "day"}}},
		// Other reference dates: year and month boundaries.
		{"He left on Wednesday.", time.Date(2016, 1, 1, 0, 0, 0, 0, time.UTC), []want{{"on Wednesday", "2015-12-30", "day"}}},
		{"Exports fell last month.", time.Date(2016, 1, 10, 0, 0, 0, 0, time.UTC), []want{{"last month", "2015-12", "month"}}},
		{"The envoy arrives next week.", time.Date(2015, 12, 30, 0, 0, 0, 0, time.UTC), []want{{"next week", "2016-01-04", "week"}}},
		{"It was signed on December 28.", time.Date(2016, 1, 3, 0, 0, 0, 0, time.UTC), []want{{"on December 28", "2015-12-28", "day"}}},
		{"It happened on February 29.", time.Date(2017, 3, 1, 0, 0, 0, 0, time.UTC), []want{{"on February 29", "", "day"}}},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			got := timex.Find(tt.text, tt.ref)
			if len(got) != len(tt.want) {
				t.Fatalf("Find(%q) = %+v, want %d dates %+v", tt.text, got, len(tt.want), tt.want)
			}
			for i, w := range tt.want {
				g := got[i]
				if g.Text != w.text || g.Value != w.value || g.Granularity != w.gran {
					t.Errorf("date %d = %q %q %s, want %q %q %s", i, g.Text, g.Value, g.Granularity, w.text, w.value, w.gran)
				}
				if tt.text[g.Start:g.End] != g.Text {
					t.Errorf("span [%d,%d) is %q, not %q", g.Start, g.End, tt.text[g.Start:g.End], g.Text)
				}
			}
		})
	}
}

func TestDateline(t *testing.T) {
	tests := []struct {
		text string
		want string // "" for none
	}{
		{"ISLAMABAD, 26 June 2005 — Troops left the city.", "2005-06-26"},
		{"LONDON, Feb. 19, 2015 (Reuters) - Shares fell.", "2015-02-19"},
		{"NEW DELHI, March 3, 2016: The court ruled.", "2016-03-03"},
		{"Islamabad, 26 June 2005 — Troops left.", ""},
		{"ISLAMABAD: Officials said on 26 June 2005 that troops left.", ""},
		{"ISLAMABAD, June 3 — Troops left.", ""},
		{"ISLAMABAD, 26 June 2005 troops left.", ""},
		{"The minister said on 26 June 2005 — nothing.", ""},
		{"", ""},
	}
	for _, tt := range tests {
		got, ok := timex.Dateline(tt.text)
		if tt.want == "" {
			if ok {
				t.Errorf("Dateline(%q) = %s, want none", tt.text, got.Format("2006-01-02"))
			}
			continue
		}
		if !ok || got.Format("2006-01-02") != tt.want {
			t.Errorf("Dateline(%q) = %s, %v, want %s", tt.text, got.Format("2006-01-02"), ok, tt.want)
		}
	}
}

func TestStage(t *testing.T) {
	tests := []struct {
		name      string
		text      string
		published time.Time
		wantPub   string
		want      []want
	}{
		{"publication date given", "The minister spoke on Monday.", thu, "2015-02-19",
			[]want{{"on Monday", "2015-02-16", "day"}}},
		{"dateline gives the date", "ISLAMABAD, 26 June 2005 — Troops left last year, officials said on Friday.", time.Time{}, "2005-06-26",
			[]want{{"26 June 2005", "2005-06-26", "day"}, {"last year", "2004", "year"}, {"on Friday", "2005-06-24", "day"}}},
		{"given date wins over the dateline", "ISLAMABAD, 26 June 2005 — Troops left last year.", thu, "2015-02-19",
			[]want{{"26 June 2005", "2005-06-26", "day"}, {"last year", "2014", "year"}}},
		{"no date at all", "Troops left last year.", time.Time{}, "",
			[]want{{"last year", "", "year"}}},
		{"no dates", "Troops left.", thu, "2015-02-19", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := &news.Doc{Text: tt.text, Published: tt.published}
			if err := timex.New().Process(context.Background(), doc); err != nil {
				t.Fatal(err)
			}
			gotPub := ""
			if !doc.Published.IsZero() {
				gotPub = doc.Published.Format("2006-01-02")
			}
			if gotPub != tt.wantPub {
				t.Errorf("published %q, want %q", gotPub, tt.wantPub)
			}
			if doc.Dates == nil || len(doc.Dates) != len(tt.want) {
				t.Fatalf("dates %+v, want %+v", doc.Dates, tt.want)
			}
			for i, w := range tt.want {
				d := doc.Dates[i]
				if d.Text != w.text || d.Value != w.value || string(d.Granularity) != w.gran || d.Span.Of(doc.Text) != d.Text {
					t.Errorf("date %d = %+v, want %+v", i, d, w)
				}
			}
		})
	}
}

// BenchmarkFind resolves the dates of the reference article; b.N counts
// articles.
func BenchmarkFind(b *testing.B) {
	data, err := os.ReadFile("../../../../shared/examples/seed/article.txt")
	if err != nil {
		b.Skip("reference article not found")
	}
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		timex.Find(string(data), thu)
	}
}
