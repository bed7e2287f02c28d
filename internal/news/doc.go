// Package news holds the domain nouns of newsgraph: the document that flows
// through the pipeline and everything the stages find in it.
//
// Every span in this package is a pair of byte offsets into Doc.Text (UTF-8),
// end exclusive. Only the JSON writer (package news, contract.go) converts
// them to the code-point offsets of the article contract.
package news

import "time"

// Span is a half-open byte range [Start, End) into Doc.Text.
type Span struct {
	Start int
	End   int
}

// Len returns the number of bytes the span covers.
func (s Span) Len() int { return s.End - s.Start }

// Of returns the text the span covers in text. It panics if the span is out
// of range, which is a programming error in the stage that made it.
func (s Span) Of(text string) string { return text[s.Start:s.End] }

// Token is one word or punctuation mark.
type Token struct {
	Span
	// Text is Doc.Text[Start:End] (a substring, not a copy).
	Text string
}

// Sentence is one sentence of the cleaned text. Tokens [FirstToken, EndToken)
// of Doc.Tokens lie inside it.
type Sentence struct {
	Span
	FirstToken int
	EndToken   int
}

// Entity types, as in CoNLL-2003 and the article contract.
const (
	TypePER  = "PER"
	TypeORG  = "ORG"
	TypeLOC  = "LOC"
	TypeMISC = "MISC"
)

// Mention kinds of the article contract.
const (
	MentionName    = "name"
	MentionAlias   = "alias"
	MentionAcronym = "acronym"
	MentionTitle   = "title"
	MentionPronoun = "pronoun"
	MentionNominal = "nominal"
)

// Mention is one place in the text that refers to an entity.
type Mention struct {
	Span
	Text string
	// Type is the NER type (PER, ORG, LOC, MISC) the mention was tagged with.
	Type string
	// Kind is one of the Mention* constants.
	Kind string
}

// Place is where a LOC entity lies on the map.
type Place struct {
	Country    string // ISO 3166-1 alpha-2, empty for regions without a country
	Admin1     string
	Lat, Lon   float64
	GeonamesID int64  // 0 when unknown
	Feature    string // city, admin1, admin2, country, region, or FeatureCountryOnly
	// Demonym marks an entity named by a people or adjective of Country
	// ("American", "Pakistanis"): it is linked to its country (and has the
	// country's point, as GeoWebNews counts demonyms as toponyms) but it
	// is not a place on the store's map.
	Demonym bool
	Debug   string // why this reading won
}

// FeatureCountryOnly is the Feature of a place the gazetteer does not know
// whose country the article says ("the Lebanese village of X", "X, near
// Aleppo"): only Country is set; it has no point (Lat and Lon are not
// written to the contract) and no GeoNames id.
const FeatureCountryOnly = "country-only"

// HasPoint reports whether p has coordinates: every place except a
// country-only one.
func (p *Place) HasPoint() bool { return p != nil && p.Feature != FeatureCountryOnly }

// Entity is one real-world thing the article refers to, with all its mentions.
type Entity struct {
	ID       string
	Type     string
	Name     string
	Aliases  []string
	Titles   []string
	Mentions []Mention
	Place    *Place
}

// QuoteKind says how a quote reports speech.
type QuoteKind string

// Quote kinds.
const (
	QuoteDirect   QuoteKind = "direct"   // the words as said, between quotation marks
	QuoteIndirect QuoteKind = "indirect" // reported speech ("said that ...")
	QuotePartial  QuoteKind = "partial"  // a few words quoted inside reported speech
)

// Sourcing says how a quote's speaker is identified.
type Sourcing string

// Sourcings.
const (
	SourcingNamed        Sourcing = "named"        // a named person or organisation
	SourcingAnonymous    Sourcing = "anonymous"    // "officials said", "a source"
	SourcingUnattributed Sourcing = "unattributed" // no speaker found
)

// Granularity is how precise a resolved date is.
type Granularity string

// Granularities.
const (
	GranularityDay   Granularity = "day"   // YYYY-MM-DD
	GranularityMonth Granularity = "month" // YYYY-MM
	GranularityYear  Granularity = "year"  // YYYY
)

// Polarity says whether a claim's speaker affirms or denies it.
type Polarity string

// Polarities.
const (
	PolarityAffirm Polarity = "affirm"
	PolarityDeny   Polarity = "deny"
)

// Quote is direct, indirect or partial speech.
type Quote struct {
	ID             string
	Kind           QuoteKind
	Span           // span of the reported words, without quotation marks
	Text           string
	Speaker        string // entity id, empty when unattributed
	SpeakerMention *Mention
	Cue            string
	Sourcing       Sourcing
	Hedged         bool
}

// Event is who did what to whom.
type Event struct {
	ID       string
	Type     string
	Actor    string
	Target   string
	Sentence int
	Trigger  Mention
	Date     string
	Place    string
	Negated  bool
	Hedged   bool
	// Nominal is true when a noun names the event ("the arrest of"), false
	// for a verb ("arrested").
	Nominal bool
	// Denies is, for a DENY, the id of the quote (Q…) or event (V…) of this
	// document that it answers, when the denial names or refers back to it
	// ("rejected India's claim", "dismissed such reports"); empty otherwise.
	Denies string
}

// DateRef is a date expression resolved against the publication date.
type DateRef struct {
	Span
	Text        string
	Value       string // YYYY-MM-DD, YYYY-MM or YYYY; empty when unresolved
	Granularity Granularity
}

// Claim is a normalised proposition: who affirms or denies what about whom.
// Speaker, Subject and Object are entity ids of this document; the *Name
// fields and ObjectCountry carry what another article's claims are
// compared by (entity ids mean nothing across documents).
type Claim struct {
	ID        string
	Speaker   string
	Polarity  Polarity
	Subject   string
	Predicate string // the predicate class ("presence", "threat") or, for words in no class, the word's lemma
	Object    string
	Quote     string
	Event     string

	Word          string // the predicate as written ("foothold", "no presence")
	Modal         bool   // said of what can, will or may be ("can't win"), not of what is or was
	SpeakerName   string
	SubjectName   string
	ObjectName    string
	ObjectCountry string // ISO code of the object's place, when geocoded
	ObjectFeature string // the object's place feature ("country", "admin1", "city", "region")
	Evidence      Span   // the sentence or quote the claim comes from
	// Stance is how the speaker holds the proposition: "affirm", "deny",
	// or "report" (a report, claim, allegation or announcement that
	// another party answers).
	Stance string
	// Answers is the id of the claim this one denies (a denial linked to
	// the report, accusation or result it answers), or "".
	Answers string
}

// Contradiction is a pair of claims by different speakers that cannot both hold.
type Contradiction struct {
	Claims []string
	Why    string
	// Kind is "denial" (one party denies what another reported or
	// alleged), "opposite" (opposite stances on one proposition) or
	// "figures" (different counts of one outcome).
	Kind string
}

// StageTiming is how long one pipeline stage took on one document.
type StageTiming struct {
	Stage    string
	Duration time.Duration
}

// Language codes with a meaning of their own in the pipeline.
const (
	// LangEnglish is the language the extraction stages were built for.
	LangEnglish = "en"
	// LangUndetermined is the language of a text too short (or in a
	// script too rare) to tell; it is processed as English.
	LangUndetermined = "und"
)

// Where a document's publication date came from (Doc.PublishedSource, the
// contract's "published_source"), in the order ingest prefers them.
const (
	PublishedFromFlag        = "flag"         // --published on the command line, or the API's field
	PublishedFromFrontMatter = "front-matter" // a leading "---" block of the text
	PublishedFromSidecar     = "sidecar"      // FILE.meta.json beside the file
	PublishedFromHTML        = "html"         // the page's own metadata
	PublishedFromFeed        = "feed"         // the RSS/Atom item's date
	PublishedFromDateline    = "dateline"     // "ISLAMABAD, Feb. 19, 2015 (Reuters) -"
	PublishedFromFilename    = "filename"     // a YYYY-MM-DD in the file's name
)

// Doc is one article as it moves through the pipeline. Ingest fills the
// source fields and Text; each stage adds what it finds.
type Doc struct {
	// Source is where the article came from (a file path, "stdin" or a
	// URL); the contract's "source".
	Source    string
	URL       string
	Title     string
	Published time.Time // zero when unknown
	// PublishedSource says what gave Published: one of the Published*
	// constants, "" when Published is zero.
	PublishedSource string
	// Language is the ISO 639-1 code of the text's language (ISO 639-3
	// for a language without one), LangUndetermined when it could not be
	// told, as the language stage found it; LanguageConfidence is how sure
	// it was, from 0 to 1.
	Language           string
	LanguageConfidence float64
	// Notes are short remarks for the reader about how the document was
	// processed ("language de: English-only stages skipped: ...").
	Notes []string
	// Text is the cleaned article body that every span refers to.
	Text string

	Sentences []Sentence
	Tokens    []Token
	// POS and Chunks are the syntax stage's tags, parallel to Tokens (both
	// as long as Tokens once the stage has run, nil before): POS[i] is the
	// Penn Treebank part-of-speech tag of Tokens[i] as CoNLL-2003 writes
	// them ("NNP", "VBD", "IN", ...), Chunks[i] its IOB2 phrase tag ("B-NP",
	// "I-NP", "B-VP", "B-PP", "O", ...; syntax.Phrases reads the phrases).
	// A phrase never crosses a sentence; a token outside every sentence
	// has "" in both. They are not part of the contract JSON.
	POS    []string
	Chunks []string
	// Mentions are the NER stage's typed name mentions, in text order,
	// before the link stage groups them into Entities.
	Mentions []Mention

	Entities       []Entity
	Quotes         []Quote
	Events         []Event
	Dates          []DateRef
	Claims         []Claim
	Contradictions []Contradiction

	Timings []StageTiming
}
