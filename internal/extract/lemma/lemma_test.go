package lemma

import (
	"bytes"
	"compress/gzip"
	"io"
	"os"
	"strings"
	"testing"
)

// newsCases are words of wire-news sentences written for these tests, with their Penn tags.
var newsCases = []struct {
	sentence, word, tag, want string
}{
	{"A police spokesman said two suspects were held overnight.", "said", "VBD", "say"},
	{"A police spokesman said two suspects were held overnight.", "were", "VBD", "be"},
	{"A police spokesman said two suspects were held overnight.", "held", "VBN", "hold"},
	{"The ministry denied that troops had crossed the border.", "denied", "VBD", "deny"},
	{"Gunmen killed four guards at a checkpoint near the port.", "killed", "VBD", "kill"},
	{"Officers arrested a man suspected of planning the bombing.", "arrested", "VBD", "arrest"},
	{"Militants stormed a hotel in the capital late on Friday.", "stormed", "VBD", "storm"},
	{"Militants stormed a hotel in the capital late on Friday.", "Militants", "NNS", "militant"},
	{"The group claimed responsibility for the blast in a statement.", "claimed", "VBD", "claim"},
	{"Both sides said the talks would resume next week.", "talks", "NNS", "talk"},
	{"The minister dismisses the allegations as politically motivated.", "dismisses", "VBZ", "dismiss"},
	{"The minister dismisses the allegations as politically motivated.", "allegations", "NNS", "allegation"},
	{"The opposition accused the commission of lying about the count.", "lying", "VBG", "lie"},
	{"Officials hope for better ties after the summit.", "better", "JJR", "good"},
	{"Geese crossing the runway delayed flights at the airport.", "Geese", "NNS", "goose"},
	{"The attacks on supply convoys have grown since March.", "attacks", "NNS", "attack"},
	{"The attacks on supply convoys have grown since March.", "grown", "VBN", "grow"},
	{"Protesters are gathering outside parliament.", "are", "VBP", "be"},
	{"Protesters are gathering outside parliament.", "gathering", "VBG", "gather"},
	{"The army has denied the reports.", "has", "VBZ", "have"},
	{"The army has denied the reports.", "reports", "NNS", "report"},
	{"Rescuers searched the rubble for survivors of the strongest quake in decades.", "strongest", "JJS", "strong"},
	{"Rescuers searched the rubble for survivors of the strongest quake in decades.", "searched", "VBD", "search"},
	{"Two policemen were among the wounded.", "policemen", "NNS", "policeman"},
	{"The rebels seized three villages and fled into the hills.", "villages", "NNS", "village"},
	{"The rebels seized three villages and fled into the hills.", "fled", "VBD", "flee"},
	{"Casualties rose as fighting spread to nearby cities.", "Casualties", "NNS", "casualty"},
	{"Casualties rose as fighting spread to nearby cities.", "rose", "VBD", "rise"},
	{"Casualties rose as fighting spread to nearby cities.", "cities", "NNS", "city"},
}

func TestLemmaNews(t *testing.T) {
	for _, c := range newsCases {
		pos, _ := PennPOS(c.tag)
		if got := Lemma(c.word, pos); got != c.want {
			t.Errorf("Lemma(%q, %v) = %q, want %q (in %q)", c.word, pos, got, c.want, c.sentence)
		}
		if got := LemmaTag(c.word, c.tag); got != c.want {
			t.Errorf("LemmaTag(%q, %s) = %q, want %q (in %q)", c.word, c.tag, got, c.want, c.sentence)
		}
	}
}

// Words WordNet does not know are their own lemma, lower-cased; proper nouns tagged NNP or NNPS
// are left as they are.
func TestUnknownAndProper(t *testing.T) {
	cases := []struct{ word, tag, want string }{
		{"Tehsil", "NN", "tehsil"},               // "The tehsil office was closed."
		{"tehsils", "NNS", "tehsils"},            // no "tehsil" in WordNet: nothing to detach to
		{"hartals", "NNS", "hartals"},            // "Traders observed two hartals this month."
		{"Peshawar", "NNP", "Peshawar"},          // proper nouns untouched
		{"Talks", "NNP", "Talks"},                // a headline's capitalised word tagged NNP
		{"Democrats", "NNPS", "Democrats"},       // "Democrats blocked the bill."
		{"Rangers", "NNPS", "Rangers"},           // "Rangers arrested two suspects in Karachi."
		{"The", "DT", "the"},                     // no WordNet part of speech: lower-cased
		{"Will", "MD", "will"},                   //
		{"Karachi-based", "JJ", "karachi-based"}, // hyphenated words are taken whole
		{"", "NN", ""},
		{"Kabul’s", "NN", "kabul’s"}, // not ASCII: lower-cased
		{strings.Repeat("x", 100), "NNS", strings.Repeat("x", 100)},
	}
	for _, c := range cases {
		if got := LemmaTag(c.word, c.tag); got != c.want {
			t.Errorf("LemmaTag(%q, %s) = %q, want %q", c.word, c.tag, got, c.want)
		}
	}
	if got := Lemma("Balochistan", Noun); got != "balochistan" {
		t.Errorf("Lemma(Balochistan) = %q, want balochistan", got)
	}
	if got := Lemma("Said", 0); got != "said" {
		t.Errorf("Lemma with no POS = %q, want said", got)
	}
}

// Morphy's own behaviour, and where LemmaTag departs from it for base-form tags.
func TestMorphyRules(t *testing.T) {
	cases := []struct {
		word string
		pos  POS
		want string
	}{
		{"boxesful", Noun, "boxful"}, // the "ful" rule
		{"handful", Noun, "handful"}, // "hand" has nothing to detach
		{"glass", Noun, "glass"},     // nouns in -ss are not detached
		{"bus", Noun, "bus"},
		{"gas", Noun, "ga"}, // morphy takes the word as inflected; see LemmaTag
		{"axes", Noun, "ax"},
		{"boxes", Noun, "box"},
		{"churches", Noun, "church"},
		{"wives", Noun, "wife"},
		{"feed", Verb, "fee"},
		{"fed", Verb, "feed"},
		{"stopped", Verb, "stop"},
		{"carried", Verb, "carry"},
		{"hoped", Verb, "hope"},
		{"making", Verb, "make"},
		{"larger", Adj, "large"},
		{"worse", Adj, "bad"},
		{"better", Adv, "well"},
		{"quickly", Adv, "quickly"}, // adverbs use the exception list only
		{"ATTACKED", Verb, "attack"},
	}
	for _, c := range cases {
		if got := Lemma(c.word, c.pos); got != c.want {
			t.Errorf("Lemma(%q, %v) = %q, want %q", c.word, c.pos, got, c.want)
		}
	}
	tagged := []struct{ word, tag, want string }{
		{"gas", "NN", "gas"},   // "Gas prices rose."
		{"feed", "VB", "feed"}, // "Aid agencies struggle to feed the displaced."
		{"gases", "NNS", "gas"},
		{"news", "NN", "news"},
		{"better", "RBR", "well"},
	}
	for _, c := range tagged {
		if got := LemmaTag(c.word, c.tag); got != c.want {
			t.Errorf("LemmaTag(%q, %s) = %q, want %q", c.word, c.tag, got, c.want)
		}
	}
}

func TestPennPOS(t *testing.T) {
	for tag, want := range map[string]POS{
		"VBD": Verb, "VBN": Verb, "VBZ": Verb, "VBG": Verb, "VB": Verb, "VBP": Verb,
		"NN": Noun, "NNS": Noun, "NNP": Noun, "NNPS": Noun,
		"JJ": Adj, "JJR": Adj, "JJS": Adj, "RB": Adv, "RBR": Adv, "RBS": Adv,
	} {
		if got, ok := PennPOS(tag); !ok || got != want {
			t.Errorf("PennPOS(%s) = %v, %v, want %v", tag, got, ok, want)
		}
	}
	for _, tag := range []string{"DT", "IN", "MD", "PRP", "", "vbd"} {
		if _, ok := PennPOS(tag); ok {
			t.Errorf("PennPOS(%q) ok, want none", tag)
		}
	}
}

func TestVerbRelations(t *testing.T) {
	for _, p := range [][2]string{{"deny", "refuse"}, {"say", "state"}, {"reject", "refuse"}, {"accuse", "charge"}} {
		if !VerbSynonyms(p[0], p[1]) || !VerbSynonyms(p[1], p[0]) {
			t.Errorf("VerbSynonyms(%s, %s) false, want true", p[0], p[1])
		}
	}
	for _, p := range [][2]string{{"say", "say"}, {"kill", "say"}, {"deny", "admit"}, {"unknownverb", "say"}} {
		if VerbSynonyms(p[0], p[1]) {
			t.Errorf("VerbSynonyms(%s, %s) true, want false", p[0], p[1])
		}
	}
	for _, p := range [][2]string{{"admit", "deny"}, {"deny", "admit"}, {"win", "lose"}, {"accept", "reject"}} {
		if !VerbAntonyms(p[0], p[1]) {
			t.Errorf("VerbAntonyms(%s, %s) false, want true", p[0], p[1])
		}
	}
	for _, p := range [][2]string{{"deny", "refuse"}, {"kill", "say"}, {"win", "win"}} {
		if VerbAntonyms(p[0], p[1]) {
			t.Errorf("VerbAntonyms(%s, %s) true, want false", p[0], p[1])
		}
	}
}

// The embedded table holds all of WordNet's single words and exception lines.
func TestTableSize(t *testing.T) {
	tb := get()
	for section, least := range map[string]int{
		"words": 83000, "exc noun": 1900, "exc verb": 2300, "exc adj": 1300, "exc adv": 5,
		"synsets verb": 4500, "antonyms verb": 400,
	} {
		if got := tb.counts[section]; got < least {
			t.Errorf("section %s has %d entries, want at least %d", section, got, least)
		}
	}
}

func TestParseErrors(t *testing.T) {
	for name, text := range map[string]string{
		"empty":           "",
		"unknown section": "@words\n10a\n@exc verb\nwent go\n@other\nx\n",
		"bad front code":  "@words\n15abc\n@exc verb\nwent go\n",
		"bad exception":   "@words\n10a\n@exc verb\nwent\n",
	} {
		if _, err := parseText(text); err == nil {
			t.Errorf("%s: parseText gave no error", name)
		}
	}
	if _, err := parseTable([]byte("not gzip")); err == nil {
		t.Error("parseTable(not gzip) gave no error")
	}
}

// A lower-case word, or one WordNet knows, is lemmatised without allocating.
func TestNoAllocation(t *testing.T) {
	get()
	allocs := testing.AllocsPerRun(100, func() {
		for _, c := range newsCases {
			LemmaTag(c.word, c.tag)
		}
		Lemma("tehsils", Noun)
	})
	if allocs != 0 {
		t.Errorf("%v allocations per run, want 0", allocs)
	}
}

func FuzzLemma(f *testing.F) {
	for _, c := range newsCases {
		f.Add(c.word, c.tag)
	}
	f.Add("boxesful", "NNS")
	f.Add("ful", "NNS")
	f.Add("s", "NNS")
	f.Add("\xff\xfe", "VBD")
	f.Fuzz(func(t *testing.T, word, tag string) {
		got := LemmaTag(word, tag)
		if word != "" && got == "" {
			t.Errorf("LemmaTag(%q, %q) is empty", word, tag)
		}
		for p := Noun; p <= Adv; p++ {
			Lemma(word, p)
		}
	})
}

// BenchmarkLemmaTag lemmatises the words of newsCases with their tags; lemmas/s is the rate.
func BenchmarkLemmaTag(b *testing.B) {
	get()
	b.ReportAllocs()
	n := 0
	for b.Loop() {
		for _, c := range newsCases {
			LemmaTag(c.word, c.tag)
		}
		n += len(newsCases)
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "lemmas/s")
}

// BenchmarkLoad measures reading the embedded table (done once, on first use).
func BenchmarkLoad(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := parseTable(tableGz); err != nil {
			b.Fatal(err)
		}
	}
}

// The precomputed forms give, for every word the table knows and for words it does not, the
// answer of morphy's procedure run directly over the exception lists and the listed words.
func TestFormsAreMorphy(t *testing.T) {
	text := gunzip(t, tableGz)
	tb, r, err := readText(text)
	if err != nil {
		t.Fatal(err)
	}
	tb.build(r)
	ref := newReference(r)
	words := []string{"boxesful", "cupsful", "tehsils", "ful", "s", "es", "ss", "x", "mouthsful"}
	n := 0
	for w := range tb.forms {
		words = append(words, w)
		if n++; n%50 == 0 { // and a sample of strings the table may not hold
			words = append(words, w+"s", w+"es", w+"ed", w+"ing", w+"er", w+"ful")
		}
	}
	for _, w := range words {
		for p := Noun; p <= Adv; p++ {
			want := ref.morphy(w, p)
			if want == "" {
				want = w
			}
			if got := tb.lemmaOf(w, p); got != want {
				t.Fatalf("%q as %v: precomputed %q, morphy %q", w, p, got, want)
			}
		}
	}
}

// reference is morphy done step by step, for TestFormsAreMorphy.
type reference struct {
	exc    [numPOS]map[string]string
	listed map[string]uint8
}

func newReference(r *raw) *reference {
	ref := &reference{listed: map[string]uint8{}}
	for i, w := range r.words {
		ref.listed[w] = r.masks[i]
	}
	for p := range ref.exc {
		ref.exc[p] = map[string]string{}
		for _, e := range r.exc[p] {
			if _, ok := ref.exc[p][e[0]]; !ok {
				ref.exc[p][e[0]] = e[1]
			}
		}
	}
	return ref
}

// morphy returns morphy's base form of w as p, or "".
func (ref *reference) morphy(w string, p POS) string {
	if base, ok := ref.exc[p-1][w]; ok {
		return base
	}
	end := ""
	switch {
	case p == Adv:
		return ""
	case p == Noun && strings.HasSuffix(w, "ful"):
		w, end = strings.TrimSuffix(w, "ful"), "ful"
	case p == Noun && (strings.HasSuffix(w, "ss") || len(w) <= 2):
		return ""
	}
	for _, r := range rules[p-1] {
		if c, ok := strings.CutSuffix(w, r.suffix); ok && ref.listed[c+r.ending]&p.bit() != 0 {
			return c + r.ending + end
		}
	}
	return ""
}

// lemmaOf is lookup for a lower-case string, the word itself when WordNet gives nothing.
func (t *table) lemmaOf(w string, pos POS) string {
	if base, ok := t.lookup([]byte(w), pos, false); ok {
		return base
	}
	return w
}

func gunzip(t *testing.T, gz []byte) string {
	t.Helper()
	zr, err := gzip.NewReader(bytes.NewReader(gz))
	if err != nil {
		t.Fatal(err)
	}
	b, err := io.ReadAll(zr)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// BenchmarkLemmaTagCoNLL lemmatises every token of CoNLL-2003's eng.testb (Reuters news, 46,000
// tokens) with its Penn tag; lemmas/s is the rate.
func BenchmarkLemmaTagCoNLL(b *testing.B) {
	raw, err := os.ReadFile("../../../../shared/data/conll2003/eng.testb")
	if err != nil {
		b.Skip("CoNLL-2003 is not in ../shared/data/conll2003:", err)
	}
	var words, tags []string
	for _, line := range strings.Split(string(raw), "\n") {
		if f := strings.Fields(line); len(f) == 4 && f[0] != "-DOCSTART-" {
			words, tags = append(words, f[0]), append(tags, f[1])
		}
	}
	get()
	b.ReportAllocs()
	n := 0
	for b.Loop() {
		for i, w := range words {
			LemmaTag(w, tags[i])
		}
		n += len(words)
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "lemmas/s")
}
