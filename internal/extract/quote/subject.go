package quote

import "unicode"

// maxSubject bounds how many tokens a subject read leftwards may have; the
// appositive and inverted forms may be longer.
const maxSubject = 14

// subjectBefore reads the subject of the cue at token v leftwards, not
// past token lo: auxiliaries and adverbs next to the verb are skipped
// ("has also said"), an appositive between commas is kept ("Patch, a
// former party official, said"), and the subject stops at punctuation, a
// quotation, or a word that starts a clause ("that", "because", ...). It
// returns [a, b) with a == b when there is none.
func (w *doc) subjectBefore(v, lo int) (int, int) {
	j := v - 1
	for j >= lo && (w.lx.has("aux", w.low[j]) || isAdverb(w.low[j]) && isLower(w.toks[j].Text)) && !w.quotedTok[j] {
		j--
	}
	if j < lo {
		return v, v
	}
	b := j + 1
	if w.low[j] == "who" {
		return j, j + 1
	}
	if w.low[j] == "and" || w.low[j] == "but" || w.low[j] == "or" {
		return v, v // a coordinated verb: "He did X and said ..."
	}
	if w.low[j] == "," {
		return w.appositiveSubject(j, lo, v)
	}
	b = w.trimTrailing(w.walkNP(j, lo), b)
	a := w.walkNP(b-1, lo)
	a = w.trimLeading(a, b)
	a = w.trimIntro(a, b)
	if !w.validSubject(a, b) {
		return v, v
	}
	if h := w.openAppositiveHead(a, lo); h < a {
		return h, b
	}
	return a, b
}

// openAppositiveHead reads "Mohammad Adnan, a senior police official
// told reporters": an indefinite description at token a after a comma,
// with no closing comma, follows the name it describes. It returns the
// name's first token, or a when there is none.
func (w *doc) openAppositiveHead(a, lo int) int {
	if w.low[a] != "a" && w.low[a] != "an" || a-2 < lo || w.low[a-1] != "," {
		return a
	}
	h := a - 1
	for h-1 >= lo && h-1 >= a-6 && isCapitalized(w.toks[h-1].Text) && !isPunct(w.low[h-1]) && !w.quotedTok[h-1] {
		h--
	}
	if h == a-1 || h-1 >= lo && !isPunct(w.low[h-1]) && !w.sentBreak(h-1) {
		return a
	}
	return h
}

// validSubject rejects word runs that cannot be a subject: those that start
// with a preposition or subordinator or end with a function word.
func (w *doc) validSubject(a, b int) bool {
	if a >= b {
		return false
	}
	first, last := w.low[a], w.low[b-1]
	if prepositions[first] || w.lx.has("stop", first) || first == "to" {
		return false
	}
	if prepositions[last] || determiners[last] && last != "'s" || last == "and" || last == "or" || last == "but" || last == "to" {
		return false
	}
	return true
}

// trimTrailing drops a time adjunct at the end of subject [a, b): "Hillary
// Clinton on Tuesday said".
func (w *doc) trimTrailing(a, b int) int {
	e := b
	for e-1 > a && (timeWords[w.low[e-1]] || isNumber(w.low[e-1])) {
		e--
	}
	if e < b && e-1 > a && prepositions[w.low[e-1]] {
		e--
	}
	return e
}

// appositiveSubject reads "Smith, a spokesman, said" and "Michelle
// Stevens, 30, of Gainesville, Fla., said" leftwards from the comma at j:
// comma-separated segments that look like appositives (a noun phrase, an
// age, "of Place", a relative clause) back to a head that is a short name.
// It returns [v, v) when the words do not fit that shape (a participle cue
// after a clause: "..., saying").
func (w *doc) appositiveSubject(j, lo, v int) (int, int) {
	best := -1
	cur := j
	for hops := 0; hops < 5; hops++ {
		k := cur - 1
		for k >= lo && k > cur-18 && w.low[k] != "," && w.low[k] != "(" && w.low[k] != "—" && !w.quotedTok[k] && !w.sentBreak(k) {
			k--
		}
		seg := k + 1
		if seg >= cur {
			break
		}
		boundary := k < lo || w.low[k] != ","
		if hops > 0 && w.headShaped(seg, cur, lo) {
			best = seg
			if a := w.walkNP(cur-1, lo); a < seg {
				best = w.trimLeading(a, cur)
			}
		}
		if boundary || !w.appositiveShaped(seg, cur) {
			break
		}
		cur = k
	}
	if best < 0 || best >= j {
		return v, v
	}
	best = w.trimIntro(best, j)
	return best, j
}

// headShaped reports whether [a, b) can be the name that an appositive
// follows: a few words ending in a capitalised one.
func (w *doc) headShaped(a, b, lo int) bool {
	if b-a > 8 || isPunct(w.low[b-1]) {
		return false
	}
	if !isCapitalized(w.toks[b-1].Text) {
		// "Florida's Republican attorney general, Pam Bondi, said": a title
		// phrase before the name
		return (isCapitalized(w.toks[a].Text) || determiners[w.low[a]]) && w.walkNP(b-1, lo) <= a
	}
	return w.walkNP(b-1, lo) <= a || w.trimLeading(w.walkNP(b-1, lo), b) < b
}

// appositiveShaped reports whether [a, b) reads like an appositive.
func (w *doc) appositiveShaped(a, b int) bool {
	first := w.low[a]
	if hasSuffix(first, "ing") || first == "and" || first == "but" || first == "or" || w.lx.has("stop", first) && first != "who" {
		return false
	}
	for k := a; k < b; k++ {
		if w.cueAt(k, "clause", "that") > 0 && first != "who" {
			return false
		}
	}
	return determiners[first] || first == "who" || first == "whose" || first == "of" || first == "from" ||
		isNumber(first) || isCapitalized(w.toks[a].Text) || isLower(w.toks[a].Text) && !prepositions[first]
}

func isNumber(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}

// walkNP walks left from token j (inclusive) over the words of a noun
// phrase and returns its first token.
func (w *doc) walkNP(j, lo int) int {
	a := j + 1
	for k := j; k >= lo && a-k <= maxSubject; k-- {
		t := w.low[k]
		if w.quotedTok[k] && !(w.shortTok != nil && w.shortTok[k]) || w.lx.has("stop", t) {
			break
		}
		if t == ")" {
			// a bracketed party tag: "Sen. Chris Murphy (D-Conn.)"
			m := k - 1
			for m >= lo && m > k-8 && w.low[m] != "(" {
				m--
			}
			if m < lo || w.low[m] != "(" {
				break
			}
			k = m
			a = m
			continue
		}
		if isPunct(t) && t != "'s" && t != "&" && t != "." && t != "$" {
			break
		}
		if k < j && isLower(w.toks[k].Text) && (isAdverb(t) || hasSuffix(t, "ed") && determiners[w.low[k+1]]) {
			break // a verb phrase before the subject: "the crowd loudly reprised the ..."
		}
		if t == "and" || t == "or" {
			// coordination inside a subject ("Security and intelligence
			// sources"), but a new clause after "and he ..."
			if k+1 < len(w.low) && w.lx.has("pronoun", w.low[k+1]) {
				break
			}
			if k-1 < lo || isPunct(w.low[k-1]) {
				break
			}
		}
		a = k
	}
	return a
}

// trimLeading drops words at the start of subject [a, b) that belong to the
// clause rather than the noun phrase: conjunctions and time adverbials
// ("and", "Earlier this year", "On Monday").
func (w *doc) trimLeading(a, b int) int {
	if d := w.datelineEnd(a); d > a && d < b {
		a = d
	}
	for a < b-1 {
		t := w.low[a]
		switch {
		case t == "and" || t == "but" || t == "or" || t == "so" || t == "yet" || t == "," || t == "as" || t == "like" || timeWords[t]:
			a++
		case (isNumber(t) || numberWords[t] || t == "a" || t == "several" || t == "few") && timeWords[w.low[a+1]] && a+1 < b-1:
			a++ // "Eight years ago he said"
		case prepositions[t]:
			// "On Monday Smith said": drop the phrase up to its time word
			k := a + 1
			for k < b-1 && k < a+4 && !timeWords[w.low[k]] {
				k++
			}
			if k >= b-1 || !timeWords[w.low[k]] {
				return a
			}
			a = k + 1
		default:
			return a
		}
	}
	return a
}

// subjectAfter reads the subject that follows an inverted cue ("said Jeff
// Patch, an Iowa strategist") from token k, not past token hi: a head noun
// phrase, and an appositive after a comma up to the end of the frame.
func (w *doc) subjectAfter(k, hi int) (int, int) {
	if k >= hi {
		return k, k
	}
	if w.lx.has("pronoun", w.low[k]) {
		return k, k + 1
	}
	e := k
	for e < hi && e-k < maxSubject {
		t := w.low[e]
		if w.quotedTok[e] || isSentenceEnd(t) && (w.sentBreak(e) || e+1 < hi && w.low[e+1] != ")") || t == "," || t == ";" || t == ":" || t == "—" || t == "–" || t == "--" {
			break
		}
		commonHead := e > k && isLower(w.toks[e-1].Text) && !timeWords[w.low[e-1]] && (t == "of" || t == "to" || t == "for" || t == "at" || t == "with" || t == "from" || t == "in") &&
			e+1 < hi && !timeWords[w.low[e+1]] && !w.lx.has("pronoun", w.low[e+1]) && !mediumWords[w.low[min(e+2, hi-1)]] && !mediumWords[w.low[e+1]]
		if timeWords[t] && e > k && isLower(w.toks[e-1].Text) && hasSuffix(w.low[e-1], "ed") {
			e++ // "a poll released Sunday"
			continue
		}
		if e > k && (prepositions[t] || timeWords[t] || t == "that") && !commonHead && !(t == "of" && e+1 < hi && isCapitalized(w.toks[e+1].Text)) &&
			!(t == "for" && e+1 < hi && (determiners[w.low[e+1]] || isCapitalized(w.toks[e+1].Text)) && !isTimeNoun(w.low, e+1, hi)) {
			break
		}
		if e > k && w.cueAt(e, "clause", "that", "direct") > 0 && !isCapitalized(w.toks[e].Text) {
			break
		}
		e++
	}
	if e == k {
		return k, k
	}
	if e+1 < hi && w.low[e] == "," {
		next := w.low[e+1]
		if (determiners[next] || next == "who" || isNumber(next) || isCapitalized(w.toks[e+1].Text) || isLower(w.toks[e+1].Text)) && next != "which" &&
			next != "and" && next != "but" && next != "adding" && next != "saying" && next != "according" &&
			!hasSuffix(next, "ing") && next != "as" && next != "while" && next != "in" && next != "on" && next != "at" {
			f := e + 1
			for f < hi && !w.quotedTok[f] && !(isSentenceEnd(w.low[f]) && w.sentBreak(f)) && w.low[f] != ";" &&
				!(w.low[f] == "," && f+1 < hi && w.low[f+1] == "who" && w.clauseHasCue(f+2, hi)) &&
				!(w.low[f] == "," && f+1 < hi && (hasSuffix(w.low[f+1], "ing") || w.low[f+1] == "and" || w.low[f+1] == "but" || w.low[f+1] == "which")) &&
				f-k < 40 {
				f++
			}
			for f > e+1 && (isPunct(w.low[f-1]) && w.low[f-1] != ")" || w.low[f-1] == "and" || w.low[f-1] == "but") {
				f--
			}
			return k, f
		}
	}
	return k, e
}

// mediumWords name where something was said: "said in a statement".
var mediumWords = map[string]bool{"statement": true, "interview": true, "email": true, "e-mail": true,
	"speech": true, "tweet": true, "post": true, "letter": true, "release": true, "conference": true,
	"call": true, "phone": true, "rally": true, "op-ed": true, "video": true, "debate": true, "briefing": true,
	"hearing": true, "radio": true, "television": true, "remarks": true}

// clauseHasCue reports whether a reporting verb comes between a and the
// next comma or the end hi.
func (w *doc) clauseHasCue(a, hi int) bool {
	for k := a; k < hi && w.low[k] != ","; k++ {
		if w.cueAt(k, "clause", "that", "direct") > 0 {
			return true
		}
	}
	return false
}

// trimIntro drops introductory comma phrases from the start of subject
// [a, b): "And on Tuesday, Kevin Brady" and "In a statement, her adviser".
func (w *doc) trimIntro(a, b int) int {
	for {
		comma := -1
		for k := a; k < b; k++ {
			if w.low[k] == "," {
				comma = k
				break
			}
		}
		if comma < 0 || comma+1 >= b {
			return a
		}
		first := w.low[w.trimLeading(a, comma)]
		if !(prepositions[first] || timeWords[first] || w.lx.has("stop", first) || first == "and" || first == "but" || isAdverb(first) || first == "to" ||
			hasSuffix(first, "ing") && isCapitalized(w.toks[w.trimLeading(a, comma)].Text)) {
			return a
		}
		a = comma + 1
	}
}

var numberWords = map[string]bool{"one": true, "two": true, "three": true, "four": true, "five": true, "six": true,
	"seven": true, "eight": true, "nine": true, "ten": true, "twenty": true}

func isTimeNoun(low []string, i, hi int) bool {
	for k := i; k < hi && k < i+3; k++ {
		if timeWords[low[k]] {
			return true
		}
	}
	return false
}

func hasSuffix(s, suf string) bool { return len(s) > len(suf)+1 && s[len(s)-len(suf):] == suf }

// isAdverb guesses a manner adverb ("flatly", "repeatedly") from its form.
func isAdverb(t string) bool {
	return hasSuffix(t, "ly") && t != "only" && t != "family" && t != "italy" && t != "ally" && t != "rally" && t != "kelly" && t != "holly" && t != "july"
}

// maxDateline bounds the tokens of a dateline.
const maxDateline = 14

// datelineEnd returns the token after a dateline that opens the paragraph
// at token a ("KABUL, Afghanistan —", "ISLAMABAD, Feb 19 (Reuters) -",
// "BEIRUT:"), or a when there is none. A dateline starts with a word in
// capitals, holds only names, numbers and punctuation, and ends with a dash
// or colon; the place is where the story was filed, not who speaks.
func (w *doc) datelineEnd(a int) int {
	if a >= len(w.toks) || !w.isParaStart(a) || !isAllCaps(w.toks[a].Text) {
		return a
	}
	for k := a + 1; k < len(w.toks) && k < a+maxDateline && w.paraOf[k] == w.paraOf[a]; k++ {
		t := w.toks[k].Text
		switch {
		case t == "—" || t == "–" || t == "-" || t == "--" || t == ":":
			return k + 1
		case isCapitalized(t) || isNumber(w.low[k]) || t == "," || t == "(" || t == ")" || t == ".":
		default:
			return a
		}
	}
	return a
}

// isAllCaps reports whether s has at least three letters, all upper case.
func isAllCaps(s string) bool {
	n := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			if !unicode.IsUpper(r) {
				return false
			}
			n++
		}
	}
	return n >= 3
}
