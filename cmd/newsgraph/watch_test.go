package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/internal/news"
	"github.com/newsgraph/newsgraph/internal/sqlite"
	"github.com/newsgraph/newsgraph/internal/watch"
)

const (
	newsdevDir = "../../../shared/data/newsdev/articles"
	// d08 reports a suicide bombing in northwest Pakistan; d09 Pakistani
	// airstrikes in Afghanistan (an attack by Pakistan, not in it).
	attackInPakistan = newsdevDir + "/d08.txt"
	attackByPakistan = newsdevDir + "/d09.txt"
	isDenialsExample = "../../examples/watchlists/is-denials.json"
	pkAttacksExample = "../../examples/watchlists/attacks-in-pakistan.json"
	referenceDate    = "2015-02-19"
)

// needWatchCorpus skips without ../shared's articles and sets up GeoNames.
func needWatchCorpus(t *testing.T) {
	t.Helper()
	needSeed(t)
	for _, p := range []string{polnearDev, attackInPakistan, attackByPakistan} {
		if _, err := os.Stat(p); err != nil {
			t.Skipf("shared articles not found: %v", err)
		}
	}
	mustSetupData(t)
}

// mustIngest ingests sources into db and fails on a non-zero exit.
func mustIngest(t *testing.T, db string, args ...string) (stdout, stderr string) {
	t.Helper()
	code, out, errOut := run(t, "", append([]string{"ingest", "--db", db, "--no-progress"}, args...)...)
	if code != 0 {
		t.Fatalf("ingest %v: exit %d, stderr %q", args, code, errOut)
	}
	return out, errOut
}

// watchCorpus ingests the reference article (first), PolNeAR dev and the
// two newsdev articles about attacks into a new store.
func watchCorpus(t *testing.T) *sqlite.DB {
	t.Helper()
	db := filepath.Join(t.TempDir(), "news.db")
	mustIngest(t, db, "--published", referenceDate, seedArticle)
	mustIngest(t, db, polnearDev, attackInPakistan, attackByPakistan)
	store, err := sqlite.Open(context.Background(), sqlite.Config{Path: db})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	return store
}

// firedOn runs the watchlist on every stored article and returns, for
// each rule, the base names of the sources it fired on; it fails when a
// rule fires twice on one article or an alert lacks its explanation or
// sentences.
func firedOn(t *testing.T, store *sqlite.DB, w *watch.Watchlist) map[string][]string {
	t.Helper()
	m, err := watch.DryRun(w)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	got := map[string][]string{}
	err = store.EachArticle(ctx, func(a *news.StoredArticle) error {
		alerts, err := watch.Evaluate(ctx, m, store, a.ID)
		if err != nil {
			return err
		}
		seen := map[string]bool{}
		for _, al := range alerts {
			if seen[al.Rule] {
				t.Errorf("rule %q fired twice on %s", al.Rule, a.Source)
			}
			seen[al.Rule] = true
			if al.Why == "" || len(al.Sentences) == 0 || al.Article.Source != a.Source {
				t.Errorf("rule %q on %s: alert without explanation, sentences or source: %+v", al.Rule, a.Source, al)
			}
			got[al.Rule] = append(got[al.Rule], filepath.Base(a.Source))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return got
}

// TestWatchRulesOnRealArticles evaluates rules of every kind of
// condition on the reference article, PolNeAR dev and two newsdev
// articles about attacks: each fires once on each article it should fire
// on and on no other.
func TestWatchRulesOnRealArticles(t *testing.T) {
	needWatchCorpus(t)
	store := watchCorpus(t)
	ctx := context.Background()
	is, err := store.Entities(ctx, "Daish", "")
	if err != nil || len(is) != 1 {
		t.Fatalf("store entity of Daish: %v, %v", is, err)
	}
	prof, err := store.EntityProfile(ctx, is[0].ID, 1000)
	if err != nil {
		t.Fatal(err)
	}
	var mentionsIS []string // every article that mentions Islamic State, by any name
	for _, a := range prof.ArticleList {
		mentionsIS = append(mentionsIS, filepath.Base(a.Source))
	}
	if len(mentionsIS) < 2 {
		t.Fatalf("Islamic State is in %v, want the reference article and PolNeAR articles", mentionsIS)
	}
	yaml := `name: table
rules:
  - {name: nisar quote afghanistan, entity: Chaudhry Nisar, quote_mentions: Afghanistan}
  - {name: contradiction foreign office, entity: Foreign Office, contradiction: true}
  - {name: deny by nisar, entity: Chaudhry Nisar, role: actor, event: DENY}
  - {name: first ISIS, entity: ISIS, first_mention: true}
  - {name: first IS in PK, entity: Islamic State, first_mention: {country: PK}}
  - {name: balochistan, place: {admin1: Balochistan}}
  - {name: near quetta, place: {lat: 30.18, lon: 67.0, radius_km: 50}}
  - {name: usip, query: '"Institute of Peace"'}
  - {name: late denials, entity: Islamic State, stance: deny, since: 2016-01-01}
  - {name: anonymous about IS, entity: Islamic State, sourcing: anonymous}
  - {name: IS by id, entity: {id: ` + strconv.FormatInt(is[0].ID, 10) + `}}
  - {name: IS as Daish, entity: Daish}
`
	w, err := watch.Parse("table.yaml", []byte(yaml))
	if err != nil {
		t.Fatal(err)
	}
	got := firedOn(t, store, w)
	seed := []string{"article.txt"}
	want := map[string][]string{
		"nisar quote afghanistan": seed, "contradiction foreign office": seed, "deny by nisar": seed,
		"first ISIS": seed, "first IS in PK": seed, "balochistan": seed, "near quetta": seed, "usip": seed,
		"anonymous about IS": seed, "IS by id": mentionsIS, "IS as Daish": mentionsIS,
	}
	for _, r := range w.Rules {
		g, wt := got[r.Name], want[r.Name]
		slices.Sort(g)
		slices.Sort(wt)
		if !slices.Equal(g, wt) {
			t.Errorf("rule %q fired on %v, want %v", r.Name, g, wt)
		}
	}
	for _, ex := range []struct{ file, rule, on string }{
		{isDenialsExample, "denial about Islamic State", "article.txt"},
		{pkAttacksExample, "attack in Pakistan", filepath.Base(attackInPakistan)},
	} {
		w, err := readWatchlist(ex.file)
		if err != nil {
			t.Fatal(err)
		}
		if g := firedOn(t, store, w); !slices.Equal(g[ex.rule], []string{ex.on}) {
			t.Errorf("%s fired on %v, want %s only", ex.file, g[ex.rule], ex.on)
		}
	}
}

// TestWatchAliasLearntLater: a rule names an organisation by an acronym
// that the store learns from a later article; from then on an article
// naming it only by its full name matches, and before it none did.
func TestWatchAliasLearntLater(t *testing.T) {
	mustSetupData(t)
	dir := t.TempDir()
	db := filepath.Join(dir, "news.db")
	rule := writeFile(t, dir, "hnb.yaml", []byte("name: hnb\nrules:\n  - name: HNB mentioned\n    entity: HNB\n"))
	if code, _, errOut := run(t, "", "watch", "add", "--db", db, rule); code != 0 {
		t.Fatalf("watch add: exit %d, %s", code, errOut)
	}
	texts := []string{
		"Harakat al-Nur Brigade fighters attack checkpoint\n\nFighters of the Harakat al-Nur Brigade attacked a checkpoint near the river on Monday, police said.\n",
		"Harakat al-Nur Brigade claims raid\n\nThe Harakat al-Nur Brigade (HNB) said on Tuesday that its fighters had raided a depot. HNB has fought the army for two years.\n",
		"Harakat al-Nur Brigade leader arrested\n\nPolice arrested a leader of the Harakat al-Nur Brigade in the capital on Wednesday, officials said.\n",
	}
	var lines []string
	for i, text := range texts {
		f := writeFile(t, dir, "a"+strconv.Itoa(i)+".txt", []byte(text))
		out, _ := mustIngest(t, db, "--alerts", "--published", "2025-03-0"+strconv.Itoa(i+3), f)
		lines = append(lines, strings.TrimSpace(out))
	}
	if lines[0] != "" {
		t.Errorf("first article (no HNB known yet) gave %q, want no alert", lines[0])
	}
	for i := 1; i < 3; i++ {
		if !strings.Contains(lines[i], `"rule":"HNB mentioned"`) || strings.Count(lines[i], "\n") != 0 {
			t.Errorf("article %d gave %q, want one alert of rule HNB mentioned", i+1, lines[i])
		}
	}
}

// alertOut is the part of an 'ingest --alerts' line the tests read.
type alertOut struct {
	Rule      string `json:"rule"`
	Watchlist string `json:"watchlist"`
	Article   struct {
		ID        int64   `json:"id"`
		Source    string  `json:"source"`
		Title     *string `json:"title"`
		Published *string `json:"published"`
	} `json:"article"`
	Why       string `json:"why"`
	Sentences []struct {
		Start, End int
		Text       string
	} `json:"sentences"`
}

func decodeAlerts(t *testing.T, out string) []alertOut {
	t.Helper()
	var alerts []alertOut
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		if line == "" {
			continue
		}
		var a alertOut
		if err := json.Unmarshal([]byte(line), &a); err != nil {
			t.Fatalf("alert line is not JSON: %v: %q", err, line)
		}
		alerts = append(alerts, a)
	}
	return alerts
}

// TestWatchAddAndIngestAlerts is the analyst's path end to end: both
// example watchlists added, the reference article and a report of an
// attack in Pakistan ingested with --alerts; each alert once, with the
// rule, the article's source, the explanation and the sentences; again
// and as a copy under another name, nothing more.
func TestWatchAddAndIngestAlerts(t *testing.T) {
	needWatchCorpus(t)
	dir := t.TempDir()
	db := filepath.Join(dir, "news.db")
	for _, f := range []string{isDenialsExample, pkAttacksExample} {
		code, out, errOut := run(t, "", "watch", "add", f, "--db", db)
		if code != 0 || !strings.HasPrefix(out, "added watchlist ") {
			t.Fatalf("watch add %s: exit %d, %q %q", f, code, out, errOut)
		}
	}
	out, errOut := mustIngest(t, db, "--alerts", "--published", referenceDate, seedArticle, attackInPakistan)
	if !strings.Contains(errOut, "2 new articles") {
		t.Errorf("summary not on stderr: %q", errOut)
	}
	alerts := decodeAlerts(t, out)
	if len(alerts) != 2 {
		t.Fatalf("got %d alerts, want 2:\n%s", len(alerts), out)
	}
	want := []struct{ rule, source, why, sentence string }{
		{"denial about Islamic State", seedArticle, "Chaudhry Nisar denies presence of Islamic State", "It absolutely has no presence in Afghanistan and Pakistan"},
		{"attack in Pakistan", attackInPakistan, "ATTACK “detonated”", "A suicide bomber detonated his explosive-laden vehicle"},
	}
	for i, w := range want {
		a := alerts[i]
		var sents []string
		for _, s := range a.Sentences {
			sents = append(sents, s.Text)
		}
		if a.Rule != w.rule || a.Article.Source != w.source || !strings.Contains(a.Why, w.why) || !strings.HasSuffix(a.Why, ", "+referenceDate) ||
			!strings.Contains(strings.Join(sents, "\n"), w.sentence) || a.Article.Published == nil || a.Article.ID == 0 {
			t.Errorf("alert %d: %+v, want rule %q on %s explained %q… with the sentence %q", i+1, a, w.rule, w.source, w.why, w.sentence)
		}
	}
	copyOf := writeFile(t, dir, "copy.txt", mustRead(t, seedArticle))
	out, _ = mustIngest(t, db, "--alerts", "--published", referenceDate, seedArticle, copyOf)
	if strings.TrimSpace(out) != "" {
		t.Errorf("ingest again and a copy: got alerts %q, want none", out)
	}
	code, out, _ := run(t, "", "watch", "list", "--db", db)
	if code != 0 || !strings.Contains(out, "1\tis-denials\t1 rule") || !strings.Contains(out, "2\tattacks-in-pakistan\t1 rule") {
		t.Errorf("watch list: exit %d, %q", code, out)
	}
	code, out, _ = run(t, "", "watch", "show", "is-denials", "--db", db)
	if code != 0 || !strings.Contains(out, `"stance": "deny"`) || !strings.Contains(out, "latest alerts: 1") {
		t.Errorf("watch show: exit %d, %q", code, out)
	}
	code, out, errOut = run(t, "", "watch", "test", pkAttacksExample, "--since", "2015-01-01", "--db", db)
	if code != 0 || len(decodeAlerts(t, out)) != 1 || !strings.Contains(errOut, "1 alert on 2 articles") {
		t.Errorf("watch test: exit %d, %q, %q", code, out, errOut)
	}
	code, out, _ = run(t, "", "watch", "rm", "1", "--db", db)
	if code != 0 || out != "removed watchlist 1 is-denials\n" {
		t.Errorf("watch rm: exit %d, %q", code, out)
	}
}

func mustRead(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestWatchUsageErrors: wrong usage and bad files get one-line errors
// and a non-zero exit status.
func TestWatchUsageErrors(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "news.db")
	bad := writeFile(t, dir, "bad.yaml", []byte("name: x\nrules:\n  - name: a\n    event: DENYY\n"))
	for _, tc := range []struct {
		args []string
		code int
		err  string
	}{
		{[]string{"watch"}, 2, "watch: name what to do"},
		{[]string{"watch", "frobnicate"}, 2, `unknown subcommand "frobnicate"`},
		{[]string{"watch", "add"}, 2, "usage: newsgraph watch add FILE"},
		{[]string{"watch", "add", bad, "--db", db}, 1, `bad.yaml:4: rules[0].event: unknown PLOVER type "DENYY" (known: ACCUSE,`},
		{[]string{"watch", "add", filepath.Join(dir, "missing.json"), "--db", db}, 1, "no such file or directory"},
		{[]string{"watch", "test", isDenialsExample, "--since", "yesterday", "--db", db}, 2, `--since "yesterday" is not a date`},
		{[]string{"watch", "show", "42", "--db", filepath.Join(dir, "none.db")}, 1, "no database at"},
	} {
		code, _, errOut := run(t, "", tc.args...)
		if code != tc.code || !strings.Contains(errOut, tc.err) || strings.Count(strings.TrimSpace(errOut), "\n") != 0 {
			t.Errorf("%v: exit %d, stderr %q; want exit %d and one line with %q", tc.args, code, errOut, tc.code, tc.err)
		}
	}
	if code, out, _ := run(t, "", "watch", "--help"); code != 0 || !strings.Contains(out, "usage: newsgraph watch add FILE") {
		t.Errorf("watch --help: exit %d, %q", code, out)
	}
}

// TestServeIngestStoresAlerts: the API's ingest evaluates the stored
// watchlists through the same hook and stores the alerts.
func TestServeIngestStoresAlerts(t *testing.T) {
	needSeed(t)
	dir := t.TempDir()
	writeFile(t, dir, "bridge.txt", []byte("Mayor Jane Roe said on Tuesday that the bridge over the river will open next spring, after two years of work.\n"))
	store := serveTestStore(t, dir)
	w, err := readWatchlist(isDenialsExample)
	if err != nil {
		t.Fatal(err)
	}
	sw, _ := w.Stored()
	ctx := context.Background()
	if _, err := store.PutWatchlist(ctx, sw); err != nil {
		t.Fatal(err)
	}
	env := &environment{stdout: io.Discard, stderr: &bytes.Buffer{}}
	opt, err := parseServeFlags(env, []string{"--token", "tok", "--data", t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	h, err := newServeHandler(env, opt, store)
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(h)
	defer srv.Close()
	body := `{"articles":[{"text":` + strconv.Quote(string(mustRead(t, seedArticle))) + `,"published":"2015-02-19"}]}`
	req, _ := http.NewRequest("POST", srv.URL+"/api/ingest", strings.NewReader(body))
	req.Header.Set("Authorization", "Bearer tok")
	req.Header.Set("Content-Type", "application/json")
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	alerts, err := store.Alerts(ctx, news.AlertQuery{})
	if err != nil || len(alerts) != 1 || alerts[0].Rule != "denial about Islamic State" {
		t.Errorf("after POST /api/ingest (status %d): alerts %+v, %v; want one of is-denials", res.StatusCode, alerts, err)
	}
}
