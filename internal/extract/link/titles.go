package link

import (
	"strings"
)

// titleHeads are the nouns that make a role or title ("minister",
// "secretary", "spokesman"). Matched case-insensitively, periods dropped.
var titleHeads = set(`
	minister secretary senator president spokesman spokeswoman spokesperson general governor
	ambassador director commander chairman chairwoman chairperson premier king queen prince princess
	sheikh judge justice mayor sheriff inspector colonel captain lieutenant major sergeant admiral
	marshal representative rep sen gov gen col lt capt maj sgt adm brig dr prof professor chancellor
	envoy commissioner attorney prosecutor officer chief leader candidate nominee adviser advisor
	lawmaker legislator congressman congresswoman mp mna mpa speaker pope cardinal bishop imam cleric
	founder ceo executive editor correspondent reporter columnist coach manager superintendent
	inspector-general attorney-general secretary-general director-general deputy emir ayatollah
	mullah pastor rabbi president-elect physician economist analyst researcher scientist author
	actor actress singer rapper businessman businesswoman billionaire activist official
	vice-president vp strategist pollster aide operative host anchor commentator campaigner
	maulana mawlana mawlavi maulvi mawlawi moulvi molvi allama
`)

// titleModifiers may precede a head inside a title ("Interior Minister",
// "Home Secretary", "former Deputy Prime Minister").
var titleModifiers = set(`
	interior foreign home defence defense finance deputy vice prime chief senior assistant federal
	state provincial former acting information health education law justice trade commerce
	petroleum water power railways planning religious affairs executive general national security
	principal special parliamentary district police army military presidential vice-presidential
	republican democratic opposition party junior associate managing supreme high lead top
	minority majority house senate us u.s. white energy labour labor interim caretaker regional
	county city city's mayoral gubernatorial campaign press communications political economic
	environment agriculture industry culture sports tourism transport housing treasury attorney
	independent incumbent retired
`)

// honorifics give a person's gender but are not titles.
var honorifics = map[string]byte{"mr": 'm', "mrs": 'f', "ms": 'f', "miss": 'f', "sir": 'm', "lady": 'f', "madam": 'f'}

// genderedHeads are titles that tell a person's gender.
var genderedHeads = map[string]byte{
	"spokesman": 'm', "spokeswoman": 'f', "chairman": 'm', "chairwoman": 'f', "king": 'm', "queen": 'f',
	"prince": 'm', "princess": 'f', "congressman": 'm', "congresswoman": 'f', "businessman": 'm',
	"businesswoman": 'f', "actor": 'm', "actress": 'f',
}

func set(words string) map[string]bool {
	m := make(map[string]bool)
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}

// wordForm is a token's lookup form for the lexicons: lower case, without
// periods.
func wordForm(tok string) string {
	return strings.ReplaceAll(strings.ToLower(tok), ".", "")
}

func isTitleHead(tok string) bool     { return titleHeads[wordForm(tok)] }
func isTitleModifier(tok string) bool { return titleModifiers[wordForm(tok)] }

// titleBefore finds a title in the tokens that end right before index end
// (exclusive) — "Foreign Secretary" in "Foreign Secretary Aizaz Ahmad
// Chaudhry". The last word must be a title head; modifiers and further
// heads may precede it. It returns the first token index of the title, or
// -1.
func titleBefore(words []string, end int) int {
	i := end - 1
	if i < 0 || !isTitleHead(words[i]) {
		return -1
	}
	start := i
	for j := i - 1; j >= 0 && end-j <= 5; j-- {
		if isTitleHead(words[j]) || isTitleModifier(words[j]) {
			start = j
			continue
		}
		break
	}
	return start
}

// titleAfter finds an apposition title starting at index start: ", the
// interior minister," / ", a spokesman for ...". It returns the token range
// [from, to) of the title words, or ok=false.
func titleAfter(words []string, start int) (from, to int, ok bool) {
	i := start
	if i >= len(words) || words[i] != "," {
		return 0, 0, false
	}
	i++
	if i < len(words) && isDeterminer(words[i]) {
		i++
	}
	from = i
	for i < len(words) && i-from < 5 && (isTitleModifier(words[i]) || isTitleHead(words[i])) {
		i++
	}
	if i == from || !isTitleHead(words[i-1]) {
		return 0, 0, false
	}
	return from, i, true
}

func isDeterminer(w string) bool {
	switch strings.ToLower(w) {
	case "the", "a", "an", "its", "his", "her", "their", "pakistan's", "the country's":
		return true
	}
	return false
}

// titleCase returns a title in a stable display form: each word's first
// letter upper-cased ("interior minister" -> "Interior Minister") so that
// the same role written two ways is one title.
func titleCase(words []string) string {
	out := make([]string, len(words))
	for i, w := range words {
		if w == "" {
			continue
		}
		if isAllCaps(w) && len(w) > 1 {
			out[i] = w
			continue
		}
		out[i] = strings.ToUpper(w[:1]) + w[1:]
	}
	return strings.Join(out, " ")
}
