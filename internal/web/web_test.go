package web

import (
	"context"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/internal/news"
	"github.com/newsgraph/newsgraph/internal/newstest"
	"github.com/newsgraph/newsgraph/internal/sqlite"
)

const hostile = `<script>alert("xss")</script>`

// mustServer serves a store holding Nisar's denial (with a quote, an
// event, a date and a place) and an article whose title and text are
// hostile markup.
func mustServer(tb testing.TB) *Server {
	tb.Helper()
	db, err := sqlite.Open(context.Background(), sqlite.Config{Path: filepath.Join(tb.TempDir(), "news.db")})
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { db.Close() })
	doc := newstest.MustDoc(tb, newstest.DocSpec{
		Source: "nisar.txt", Title: "Minister denies IS presence", Published: "2015-02-16",
		Text: "Interior Minister Chaudhry Nisar denied on Monday the presence of Islamic State in Pakistan.\n" +
			"Nisar said IS had no organised network in the country.\n" + newstest.Filler(1, 60),
		Entities: []newstest.Ent{
			{ID: "E1", Type: news.TypePER, Name: "Chaudhry Nisar", Aliases: []string{"Nisar"}},
			{ID: "E2", Type: news.TypeORG, Name: "Islamic State", Aliases: []string{"IS"}},
			{ID: "E3", Type: news.TypeLOC, Name: "Pakistan"},
		},
		Quotes: []news.Quote{{ID: "Q1", Kind: "indirect", Text: "IS had no organised network in the country", Speaker: "E1", Cue: "said", Sourcing: "named"}},
	})
	at := strings.Index(doc.Text, "Nisar said")
	doc.Quotes[0].SpeakerMention = &news.Mention{Span: news.Span{Start: at, End: at + 5}, Text: "Nisar"}
	at = strings.Index(doc.Text, "denied")
	doc.Events = []news.Event{{ID: "V1", Type: "DENY", Actor: "E1", Target: "E2",
		Trigger: news.Mention{Span: news.Span{Start: at, End: at + 6}, Text: "denied"}}}
	at = strings.Index(doc.Text, "on Monday")
	doc.Dates = []news.DateRef{{Span: news.Span{Start: at, End: at + 9}, Text: "on Monday", Value: "2015-02-16", Granularity: "day"}}
	doc.Entities[2].Place = &news.Place{Country: "PK", Lat: 30, Lon: 70, Feature: "country"}
	newstest.MustPut(tb, db, doc)
	bad := newstest.MustDoc(tb, newstest.DocSpec{
		Source: "bad.txt", Title: "Title " + hostile, Published: "2015-02-17",
		Text: "Attack on " + hostile + " the council.\n<b>bold</b> & \"quoted\" ]]> words.\n" + newstest.Filler(3, 60),
	})
	newstest.MustPut(tb, db, bad)
	s, err := New(Config{Store: db, Token: "tok", Version: "test"})
	if err != nil {
		tb.Fatal(err)
	}
	return s
}

func get(s http.Handler, target string) *httptest.ResponseRecorder {
	w := httptest.NewRecorder()
	s.ServeHTTP(w, httptest.NewRequest("GET", target, nil))
	return w
}

func TestPages(t *testing.T) {
	s := mustServer(t)
	tests := []struct {
		target string
		status int
		want   []string
	}{
		{"/", 200, []string{"Latest articles", "Minister denies IS presence", "2 articles"}},
		{"/?q=organised", 200, []string{"<mark>organised</mark>", "Articles found"}},
		{"/?q=Islamic+State", 200, []string{`class="ent ent-org" href="/entities/`}},
		{"/?type=PERSON", 400, []string{"Unknown entity type"}},
		{"/?since=soon", 400, []string{"2015-02-19"}},
		{"/articles/1", 200, []string{`data-speaker-of="Q1"`, `id="Q1"`, `class="q q-indirect" data-q="Q1"`,
			`<time class="date" data-value="2015-02-16"`, `<span class="event" data-v="V1" title="DENY: Chaudhry Nisar → Islamic State">denied</span>`,
			`<a class="who-speaker" href="/entities/1">Chaudhry Nisar</a>`}},
		{"/articles/77", 404, []string{"no such article"}},
		{"/articles/x", 404, nil},
		{"/entities?name=nobody", 200, []string{"No person, group or place"}},
		{"/entities/2", 200, []string{`<span class="alias">IS</span>`, "Quotes about Islamic State", "no organised network", `<svg class="graph-svg"`}},
		{"/entities/999", 404, []string{"no such entity"}},
		{"/map", 200, []string{`<path class="country"`, `<circle class="place" cx="694.4" cy="166.7"`, "Pakistan"}},
		{"/contradictions", 200, []string{"No contradictions"}},
		{"/login", 200, []string{`name="token"`}},
		{"/nope", 404, []string{"no such page"}},
		{"/static/style.css", 200, []string{".speaker"}},
	}
	for _, tc := range tests {
		t.Run(tc.target, func(t *testing.T) {
			w := get(s, tc.target)
			if w.Code != tc.status {
				t.Errorf("status: got %d, want %d", w.Code, tc.status)
			}
			body := w.Body.String()
			for _, want := range tc.want {
				if !strings.Contains(strings.ToLower(body), strings.ToLower(want)) {
					t.Errorf("page lacks %s", want)
				}
			}
			if csp := w.Header().Get("Content-Security-Policy"); !strings.Contains(csp, "script-src 'self'") {
				t.Errorf("CSP: got %q", csp)
			}
		})
	}
	if w := get(s, "/entities?name=Nisar"); w.Code != http.StatusSeeOther || w.Header().Get("Location") != "/entities/1" {
		t.Errorf("one entity found: got %d to %q, want a redirect to /entities/1", w.Code, w.Header().Get("Location"))
	}
}

func TestHostileArticleIsEscaped(t *testing.T) {
	s := mustServer(t)
	for _, target := range []string{"/articles/2", "/?q=attack", "/"} {
		body := get(s, target).Body.String()
		if strings.Contains(body, "<script>alert") || strings.Contains(body, "<b>bold") {
			t.Errorf("%s: article markup reached the page unescaped", target)
		}
	}
	body := get(s, "/articles/2").Body.String()
	for _, want := range []string{"&lt;script&gt;alert(&#34;xss&#34;)&lt;/script&gt;", "&lt;b&gt;bold&lt;/b&gt; &amp; &#34;quoted&#34; ]]&gt;",
		"<title>Title &lt;script&gt;"} {
		if !strings.Contains(body, want) {
			t.Errorf("/articles/2 lacks the escaped %s", want)
		}
	}
}

func TestMarkupNestsOverlaps(t *testing.T) {
	text := "Nisar said: “IS is here.”\nNext day."
	marks := []mark{
		{0, 5, layerMention, `<a href="/entities/1">`, "</a>"},
		{0, 5, layerSpeaker, `<span class="speaker" data-speaker-of="Q1">`, "</span>"},
		{13, 24, layerQuote, `<span class="q" data-q="Q1">`, "</span>"},
		{13, 15, layerMention, `<a href="/entities/2">`, "</a>"},
		{20, 40, layerDate, `<time>`, "</time>"}, // past the end: dropped
		{9, 8, layerEvent, `<span>`, "</span>"},  // reversed: dropped
	}
	got := markup(text, marks)
	want := `<p><span class="speaker" data-speaker-of="Q1"><a href="/entities/1">Nisar</a></span> said: “` +
		`<span id="Q1" class="q" data-q="Q1"><a href="/entities/2">IS</a></span><span class="q" data-q="Q1"> is here.</span>”</p>` +
		"\n<p>Next day.</p>"
	if got != want {
		t.Errorf("markup:\ngot  %s\nwant %s", got, want)
	}
}

func TestSnippet(t *testing.T) {
	for in, want := range map[string]string{
		"a [b] c":       "a <mark>b</mark> c",
		"[<i>] ]x[":     "<mark>&lt;i&gt;</mark> ]x<mark></mark>",
		"x & [y":        "x &amp; <mark>y</mark>",
		`"q" ]]> [[z]]`: "&#34;q&#34; ]]&gt; <mark>[z</mark>]",
	} {
		if got := string(snippet(in)); got != want {
			t.Errorf("snippet(%q): got %q, want %q", in, got, want)
		}
	}
}

func TestLogin(t *testing.T) {
	s := mustServer(t)
	post := func(token string) *httptest.ResponseRecorder {
		r := httptest.NewRequest("POST", "/login", strings.NewReader(url.Values{"token": {token}}.Encode()))
		r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		w := httptest.NewRecorder()
		s.ServeHTTP(w, r)
		return w
	}
	if w := post("wrong"); w.Code != 401 || len(w.Result().Cookies()) != 0 {
		t.Errorf("wrong token: got %d with cookies %v", w.Code, w.Result().Cookies())
	}
	w := post("tok")
	cs := w.Result().Cookies()
	if w.Code != http.StatusSeeOther || len(cs) != 1 || cs[0].Value != "tok" || !cs[0].HttpOnly || cs[0].SameSite != http.SameSiteStrictMode {
		t.Errorf("right token: got %d with cookies %+v", w.Code, cs)
	}
}

func TestLabelAndPlural(t *testing.T) {
	for _, tc := range []struct{ title, source, want string }{
		{"A title", "/tmp/x/a.txt", "A title"},
		{"", "/tmp/x/a.txt", "a.txt"},
		{"", `C:\news\b.html`, "b.html"},
		{"", "https://news.example/2015/story/", "story"},
		{"", "stdin", "stdin"},
	} {
		if got := label(tc.title, tc.source); got != tc.want {
			t.Errorf("label(%q, %q): got %q, want %q", tc.title, tc.source, got, tc.want)
		}
	}
	if plural(1, "article") != "1 article" || plural(0, "article") != "0 articles" || plural(7, "quote") != "7 quotes" {
		t.Errorf("plural: got %q %q %q", plural(1, "article"), plural(0, "article"), plural(7, "quote"))
	}
}
