package segment

import "strings"

// abbrevClass says how an abbreviation's period behaves at a possible
// sentence end.
type abbrevClass int

const (
	abbrevNone abbrevClass = iota
	// abbrevPrefix abbreviations stand before a name or number ("Dr. Khan",
	// "Jan. 22", "No. 5") and never end a sentence.
	abbrevPrefix
	// abbrevFinal abbreviations may end a sentence ("... in the U.S. The
	// ...", "... and Co. They ..."); the splitter decides by the next word.
	abbrevFinal
)

// prefixAbbrevs are titles, ranks and months: in news they precede a name,
// a date or a number. Matched case-sensitively (capitalised forms).
var prefixAbbrevs = wordSet(`
	Mr Mrs Ms Messrs Mme Mlle Dr Prof Gen Lt Col Maj Capt Cmdr Cdr Adm Brig Sgt Cpl Pvt
	Rep Reps Sen Sens Gov Govt Pres Rev Revd Hon Supt Insp Det Amb Atty Fr Sra Srta
	St Mt Ft Pt Ste
	Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec
	No Nos Vol Fig Art Sec Ch Pp Para Ref
	Lt.Col Lt.Gen Maj.Gen Brig.Gen
`)

// finalAbbrevs may close a sentence. Matched case-insensitively.
var finalAbbrevs = wordSet(`
	inc ltd co corp bros plc llc llp jr sr esq
	etc al vs approx dept est univ assn ave blvd rd hwy
	a.m p.m e.g i.e cf ca viz
	ph.d m.d b.a m.a d.c
	mln bln pct yr yrs mos hrs min
`)

func wordSet(words string) map[string]bool {
	set := make(map[string]bool)
	for _, w := range strings.Fields(words) {
		set[w] = true
	}
	return set
}

// abbreviationClass classifies word (without its final period).
func abbreviationClass(word string) abbrevClass {
	if prefixAbbrevs[word] {
		return abbrevPrefix
	}
	if finalAbbrevs[strings.ToLower(word)] {
		return abbrevFinal
	}
	return abbrevNone
}

// sentenceStarters are capitalised words that, after an abbreviation such
// as "U.S." or "Inc.", show that a new sentence has begun; a name after
// the abbreviation ("U.S. Secretary") shows that it has not.
var sentenceStarters = wordSet(`
	The A An This That These Those There Their They Them He She It Its His Her Hers We Our Us I
	You Your But And Or So Yet Nor If When While Where What Who Whom Whose Why How Which
	In On At For From By With Without After Before During Since Until As Although Though Because
	However Meanwhile Moreover Furthermore Still Also Then Now Later Earlier Instead Indeed Nevertheless
	Some Many Most Several All Both Each Every No None Other Another Such One Two Three
	Last Next Officials Police Sources Authorities According Despite Under Over Among Between
`)
