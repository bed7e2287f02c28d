package predarg

// Closed word classes that the finder reads, shared with the stages that
// read its output (the event stage), so that one list decides what a
// preposition, an auxiliary or a hedge is. The maps are read-only: a stage
// that needs another class keeps its own.
var (
	Prepositions     = prepositions
	LocativePreps    = locativePreps
	ClauseBreaks     = clauseBreaks
	BeAuxiliaries    = beAuxiliaries
	BeForms          = beForms
	Negations        = negations
	Hedges           = hedges
	SkipAdverbs      = skipAdverbs
	Auxiliaries      = auxiliaries
	Conjunctions     = conjunctions
	RelativePronouns = relativePronouns
	Articles         = articles
	FirstPerson      = firstPerson
	PersonPronouns   = personPronouns
	PluralPronouns   = pluralPronouns
	PossessiveProns  = possessiveProns
)

// IsLowerAlpha reports whether w is made of the letters a-z, hyphens and
// apostrophes only (a lower-case common word, not a name or a number).
func IsLowerAlpha(w string) bool { return isLowerAlpha(w) }

// IsNumber reports whether w is a number written in digits, with thousands
// separators or a decimal point.
func IsNumber(w string) bool { return isNumber(w) }
