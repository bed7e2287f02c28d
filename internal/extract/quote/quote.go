// Package quote is the pipeline stage that finds who said what: direct
// quotes in quotation marks, partial quotes (a few quoted words inside a
// sentence) and indirect speech (a reporting verb and its clause), each
// attributed to a speaker entity, with how it is sourced and whether it is
// hedged.
//
// The rules read the text and the tokens, sentences, mentions and entities
// of the earlier stages; the reporting verbs, hedges and anonymous-source
// words are data (lexicon.txt).
package quote

import (
	"context"
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/newsgraph/newsgraph/internal/news"
	"github.com/newsgraph/newsgraph/internal/pipeline"
)

// Kinds of quote in the article contract.
const (
	KindDirect   = news.QuoteDirect
	KindIndirect = news.QuoteIndirect
	KindPartial  = news.QuotePartial
)

// Config configures the quote stage.
type Config struct {
	// Indirect turns the reading of indirect speech on.
	Indirect bool
	// MaxTextBytes skips documents longer than this (junk input); 0 means
	// no limit.
	MaxTextBytes int
}

// DefaultConfig reads direct, partial and indirect speech.
func DefaultConfig() Config { return Config{Indirect: true, MaxTextBytes: 8 << 20} }

// Validate reports a config that cannot work.
func (c Config) Validate() error {
	if c.MaxTextBytes < 0 {
		return fmt.Errorf("quote config: MaxTextBytes must not be negative, got %d", c.MaxTextBytes)
	}
	return nil
}

// Stage fills Doc.Quotes.
//
// It needs Doc.Tokens and Doc.Sentences (segment); it uses Doc.Entities
// (ner, link) to name speakers and runs without them, leaving Speaker
// empty. Quotes come in text order with IDs Q1, Q2, ...; Span is the span of
// the reported words without quotation marks, and Text those words. A quote
// interrupted by its attribution ("We are ready," he said, "to talk.") is
// one quote: its Text joins the pieces with a space and its Span runs from
// the first piece to the last. A quotation continued over paragraphs gives
// one quote per paragraph, all with its speaker and cue. A quotation whose
// sentence goes on with unquoted words that belong to the report is one
// quote with them ("'We don't teach anything' against homosexuality, he
// said").
// Reported clauses that hold a few quoted words are indirect quotes, and
// the quoted words also a partial quote. SpeakerMention
// is the cue's subject as written ("Interior Minister Chaudhry Nisar",
// "he", "intelligence sources"); Speaker the entity it refers to: one
// with a mention on the subject's span, else by name, title or, for
// pronouns, the salient person before it.
type Stage struct {
	cfg Config
	lx  *lexicon
}

var _ pipeline.Stage = (*Stage)(nil)

// New returns the quote stage for cfg.
func New(cfg Config) (*Stage, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	lx, err := parseLexicon(lexiconText)
	if err != nil {
		return nil, fmt.Errorf("quote: %w", err)
	}
	return &Stage{cfg: cfg, lx: lx}, nil
}

// NewStage returns the quote stage with DefaultConfig, as the extract
// command wires it.
func NewStage() (*Stage, error) { return New(DefaultConfig()) }

// Name is "quote".
func (*Stage) Name() string { return "quote" }

// Process finds the quotes of doc; see Stage.
func (s *Stage) Process(ctx context.Context, doc *news.Doc) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	doc.Quotes = []news.Quote{}
	if s.cfg.MaxTextBytes > 0 && len(doc.Text) > s.cfg.MaxTextBytes {
		return nil
	}
	for _, t := range doc.Tokens {
		if t.Start < 0 || t.End > len(doc.Text) || t.Start > t.End {
			return fmt.Errorf("token %d-%d outside the text", t.Start, t.End)
		}
	}
	doc.Quotes = Find(doc, s.lx, s.cfg.Indirect)
	return nil
}

// Find returns the quotes of doc.
func Find(d *news.Doc, lx *lexicon, indirect bool) []news.Quote {
	w := newDoc(d, lx)
	cands := w.directQuotes(scanQuotes(d.Text, w.paras))
	if indirect {
		cands = append(cands, w.indirectQuotes()...)
	}
	sort.SliceStable(cands, func(a, b int) bool { return cands[a].start() < cands[b].start() })
	inheritSpeakers(cands)
	newSpeakers(w).resolve(cands)
	out := make([]news.Quote, 0, len(cands))
	for _, c := range cands {
		cue := ""
		if a := c.attr; a.ok && a.cueA < a.cueB {
			cue = w.textOf(a.cueA, a.cueB)
		} else if c.inherit != nil && c.inherit.attr.cueA < c.inherit.attr.cueB {
			cue = w.textOf(c.inherit.attr.cueA, c.inherit.attr.cueB)
		}
		for _, pieces := range w.byParagraph(c) {
			out = append(out, news.Quote{
				ID:             "Q" + strconv.Itoa(len(out)+1),
				Kind:           c.kind,
				Span:           news.Span{Start: pieces[0].Start, End: pieces[len(pieces)-1].End},
				Text:           w.joinPieces(pieces),
				Speaker:        c.speaker,
				SpeakerMention: c.mention,
				Cue:            cue,
				Sourcing:       c.sourcing,
				Hedged:         c.hedged,
			})
		}
	}
	return out
}

// byParagraph splits the pieces of a direct quote that runs over several
// paragraphs into one group per paragraph: each paragraph of a quotation
// that the article continues ("...\n“...”, he said") is a quote of its own,
// by the same speaker with the same cue. Pieces of one paragraph (a
// quotation interrupted by its attribution) stay one quote.
func (w *doc) byParagraph(c *cand) [][]news.Span {
	if c.kind != KindDirect || len(c.pieces) == 1 {
		return [][]news.Span{c.pieces}
	}
	var out [][]news.Span
	last := -1
	for _, p := range c.pieces {
		para := w.paraOf[min(w.tokenAt(p.Start), len(w.toks)-1)]
		if len(out) == 0 || para != last {
			out = append(out, nil)
		}
		out[len(out)-1] = append(out[len(out)-1], p)
		last = para
	}
	return out
}

// inheritSpeakers gives a direct quotation without an attribution of its
// own the speaker of the last attributed quote (direct or reported) of its
// paragraph or the two before: the article goes on quoting them.
func inheritSpeakers(cands []*cand) {
	var last *cand
	for _, c := range cands {
		if c.attr.ok {
			last = c
			continue
		}
		if last != nil && c.kind == KindDirect && c.para-last.para <= 2 {
			c.inherit = last
			if last.inherit != nil {
				c.inherit = last.inherit
			}
			last = c
		}
	}
}

func (w *doc) joinPieces(pieces []news.Span) string {
	if len(pieces) == 1 {
		return pieces[0].Of(w.text)
	}
	parts := make([]string, len(pieces))
	for i, p := range pieces {
		parts[i] = p.Of(w.text)
	}
	return strings.Join(parts, " ")
}
