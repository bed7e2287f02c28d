package ner

import (
	"bytes"
	"context"
	_ "embed"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"sync"
	"unicode"

	"github.com/newsgraph/newsgraph/internal/gazetteer"
	"github.com/newsgraph/newsgraph/internal/news"
	"github.com/newsgraph/newsgraph/internal/pipeline"
)

// The shipped models, made by `newsgraph train ner` (see the commit that
// changed them for the exact commands and their F1): one for text tagged
// with the GeoNames index that `newsgraph setup` installs, whose place
// names are features of it, and one for text tagged without (it never saw
// those features, so it loses nothing when they are missing).
//
//go:embed model/ner.model.gz
var embeddedModel []byte

//go:embed model/ner.geonames.model.gz
var embeddedGeoNamesModel []byte

type lazyModel struct {
	once  sync.Once
	data  *[]byte
	name  string
	model *Model
	err   error
}

func (l *lazyModel) get() (*Model, error) {
	l.once.Do(func() {
		l.model, l.err = Load(bytes.NewReader(*l.data))
		if l.err != nil {
			l.err = fmt.Errorf("load embedded ner model %s: %w", l.name, l.err)
		}
	})
	return l.model, l.err
}

var (
	defaultModel  = lazyModel{data: &embeddedModel, name: "ner.model.gz"}
	geoNamesModel = lazyModel{data: &embeddedGeoNamesModel, name: "ner.geonames.model.gz"}
)

// Default returns the embedded model for text tagged without a gazetteer,
// loading it on first use. The model is shared and safe for concurrent use.
func Default() (*Model, error) { return defaultModel.get() }

// DefaultFor returns the embedded model for tagging with g: the GeoNames
// model when g is not nil, else Default.
func DefaultFor(g *Gazetteer) (*Model, error) {
	if g == nil {
		return Default()
	}
	return geoNamesModel.get()
}

// LoadFile reads a model written by `newsgraph train ner`.
func LoadFile(path string) (*Model, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	m, err := Load(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return m, nil
}

// Config configures the ner stage.
type Config struct {
	// ModelPath is a model file to use instead of the embedded one.
	ModelPath string
	// MaxSentenceTokens caps the tokens tagged per sentence; longer
	// sentences are tagged in pieces (it bounds the work on junk input).
	MaxSentenceTokens int
	// Gazetteer is the GeoNames index whose place names are features of
	// the tagger (the embedded GeoNames model is used then); nil tags
	// without, with the embedded model made for that.
	Gazetteer *gazetteer.Index
}

// DefaultConfig uses the embedded model.
func DefaultConfig() Config {
	return Config{MaxSentenceTokens: 1000}
}

// Validate reports a config that cannot work.
func (c Config) Validate() error {
	if c.MaxSentenceTokens < 1 {
		return fmt.Errorf("ner config: MaxSentenceTokens must be at least 1, got %d", c.MaxSentenceTokens)
	}
	return nil
}

// Stage is the pipeline stage that finds named-entity mentions.
//
// It needs doc.Sentences and doc.Tokens (the segment stage). It sets
// doc.Mentions to the names it finds, in text order, with Type PER, ORG, LOC
// or MISC, Kind "name" and the span from the first to the last token's
// bytes; and doc.Entities to one entity per mention (IDs E1, E2, ... in
// text order), which the link stage later groups. It tags the whole
// document at once, so that how a word is tagged in one sentence informs
// the others.
type Stage struct {
	model *Model
	gaz   *Gazetteer
	cfg   Config
}

var _ pipeline.Stage = (*Stage)(nil)

// New returns the ner stage for cfg.
func New(cfg Config) (*Stage, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	g := NewGazetteer(cfg.Gazetteer)
	var m *Model
	var err error
	if cfg.ModelPath != "" {
		m, err = LoadFile(cfg.ModelPath)
	} else {
		m, err = DefaultFor(g)
	}
	if err != nil {
		return nil, err
	}
	return &Stage{model: m, gaz: g, cfg: cfg}, nil
}

// NewStage returns the ner stage with the embedded model, as the extract
// command wires it.
func NewStage() (*Stage, error) { return New(DefaultConfig()) }

// Name is "ner".
func (s *Stage) Name() string { return "ner" }

// Process tags doc; see Stage.
func (s *Stage) Process(ctx context.Context, doc *news.Doc) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	type piece struct{ first, end int }
	var pieces []piece
	var words [][]string
	for _, sent := range doc.Sentences {
		if sent.FirstToken < 0 || sent.EndToken > len(doc.Tokens) || sent.FirstToken > sent.EndToken {
			return fmt.Errorf("sentence %d-%d has bad token range [%d, %d)", sent.Start, sent.End, sent.FirstToken, sent.EndToken)
		}
		for lo := sent.FirstToken; lo < sent.EndToken; lo += s.cfg.MaxSentenceTokens {
			hi := min(lo+s.cfg.MaxSentenceTokens, sent.EndToken)
			if !anyWord(doc.Tokens[lo:hi]) {
				continue // only punctuation and symbols: no name, nothing to tag
			}
			w := make([]string, hi-lo)
			for i := range w {
				w[i] = normalizeToken(doc.Tokens[lo+i].Text)
			}
			pieces = append(pieces, piece{lo, hi})
			words = append(words, w)
		}
	}
	chunks, err := s.model.TagContext(ctx, words, s.gaz)
	if err != nil {
		return err
	}
	mentions := []news.Mention{}
	for p, cs := range chunks {
		for _, c := range cs {
			first, last := doc.Tokens[pieces[p].first+c.Start], doc.Tokens[pieces[p].first+c.End-1]
			span := news.Span{Start: first.Start, End: last.End}
			if span.Start < 0 || span.End > len(doc.Text) || span.Start > span.End {
				return fmt.Errorf("token span [%d, %d) outside the text", span.Start, span.End)
			}
			mentions = append(mentions, news.Mention{Span: span, Text: doc.Text[span.Start:span.End], Type: Types[c.Type], Kind: news.MentionName})
		}
	}
	doc.Mentions = mentions
	entities := make([]news.Entity, len(mentions))
	for i, m := range mentions {
		entities[i] = news.Entity{ID: "E" + strconv.Itoa(i+1), Type: m.Type, Name: m.Text,
			Aliases: []string{}, Titles: []string{}, Mentions: []news.Mention{m}}
	}
	doc.Entities = entities
	return nil
}

// anyWord reports whether a token has a letter or a digit.
func anyWord(tokens []news.Token) bool {
	for _, t := range tokens {
		if strings.IndexFunc(t.Text, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) >= 0 {
			return true
		}
	}
	return false
}

// quoteReplacer writes typographic quotes as the training data (Reuters
// text) does.
var quoteReplacer = strings.NewReplacer("“", "\"", "”", "\"", "„", "\"", "«", "\"", "»", "\"", "‘", "'", "’", "'", "–", "-", "—", "--")

func normalizeToken(t string) string {
	if strings.IndexFunc(t, func(r rune) bool { return r >= 0x2000 || r == '«' || r == '»' }) < 0 {
		return t
	}
	return quoteReplacer.Replace(t)
}

// TagCoNLL tags every document of c, with the place names of g (nil:
// none), and writes it to w in CoNLL format with the predicted tag as an
// extra last column.
func (m *Model) TagCoNLL(w io.Writer, c *Corpus, g *Gazetteer) error {
	pred := make([][][]Chunk, len(c.Docs))
	for i := range c.Docs {
		pred[i] = m.TagWith(c.Docs[i].Words(), g)
	}
	return WriteCoNLL(w, c, pred)
}
