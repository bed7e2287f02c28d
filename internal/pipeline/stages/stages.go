// Package stages wires newsgraph's extraction stages into one pipeline:
// which stages run, in which order, with which models and settings. Every
// command that extracts ('newsgraph extract', 'ingest', 'serve', 'worker')
// builds its pipeline with New, so that they all extract alike.
//
// Contract:
//
//   - The order is fixed: segment -> language -> ner -> link -> syntax ->
//     quote -> timex -> geo -> event -> claim. The stages after language
//     run only on English text (or text too short to tell); see
//     pipeline.ForLanguages.
//   - Without a gazetteer places are not geocoded and ner tags without
//     place names; Options.NoGazetteer is then called once, by the first
//     document that reaches the geo stage.
//   - The runner gives up on one document after Options.DocTimeout (0:
//     never).
package stages

import (
	"context"
	"errors"
	"fmt"
	"os"
	"runtime/debug"
	"strings"
	"sync"
	"time"

	"github.com/newsgraph/newsgraph/internal/extract/claim"
	"github.com/newsgraph/newsgraph/internal/extract/event"
	"github.com/newsgraph/newsgraph/internal/extract/geo"
	"github.com/newsgraph/newsgraph/internal/extract/lang"
	"github.com/newsgraph/newsgraph/internal/extract/link"
	"github.com/newsgraph/newsgraph/internal/extract/ner"
	"github.com/newsgraph/newsgraph/internal/extract/quote"
	"github.com/newsgraph/newsgraph/internal/extract/segment"
	"github.com/newsgraph/newsgraph/internal/extract/syntax"
	"github.com/newsgraph/newsgraph/internal/extract/timex"
	"github.com/newsgraph/newsgraph/internal/gazetteer"
	"github.com/newsgraph/newsgraph/internal/news"
	"github.com/newsgraph/newsgraph/internal/pipeline"
)

// Options are the settings of the stages that a command's flags choose.
type Options struct {
	// Gazetteer is the GeoNames index the geo stage geocodes with and ner
	// takes place names from; nil: places are not geocoded (see
	// LoadGazetteer).
	Gazetteer *gazetteer.Index
	// CountryHint is the ISO 3166 code of the country the articles are
	// mostly about (its places are favoured), or "".
	CountryHint string
	// NoGazetteer, when Gazetteer is nil, is called once, by the first
	// document that reaches the geo stage (to say that places are not
	// geocoded); nil: nothing is said.
	NoGazetteer func()
	// DocTimeout is the time budget of one document (0: none;
	// pipeline.DefaultDocTimeout is the commands' default).
	DocTimeout time.Duration
}

// New loads the stages' models and returns the pipeline in its fixed
// order (see the package contract). This is the one place where the order
// is decided.
//
// Loading the models is most of a command's start-up time. The ner model
// loads on its own goroutine while the others load, and no garbage is
// collected meanwhile: the models stay for the whole run, so a collection
// while they load would only scan them again and again (a fifth of the
// start-up time); the first collection after it marks them once.
func New(opt Options) (*pipeline.Runner, error) {
	defer debug.SetGCPercent(debug.SetGCPercent(-1))
	nerDone := loadNER(opt.Gazetteer)
	linkStage, err := link.New(link.Config{DataDir: os.Getenv("NEWSGRAPH_DATA"), PronounWindow: link.DefaultConfig().PronounWindow})
	if err != nil {
		return nil, fmt.Errorf("link stage: %w", err)
	}
	syntaxStage, err := syntax.New(syntax.DefaultConfig())
	if err != nil {
		return nil, fmt.Errorf("syntax stage: %w", err)
	}
	quoteStage, err := quote.New(quote.DefaultConfig())
	if err != nil {
		return nil, fmt.Errorf("quote stage: %w", err)
	}
	eventStage, err := event.New()
	if err != nil {
		return nil, fmt.Errorf("event stage: %w", err)
	}
	claimStage, err := claim.New()
	if err != nil {
		return nil, fmt.Errorf("claim stage: %w", err)
	}
	loaded := <-nerDone
	if loaded.err != nil {
		return nil, fmt.Errorf("load ner model: %w", loaded.err)
	}
	geoStage, err := newGeo(opt, linkStage.AliasType)
	if err != nil {
		return nil, err
	}
	// The stages after language read English words, patterns and models:
	// a text in another language is stored and searchable without them.
	en := func(s pipeline.Stage) pipeline.Stage { return pipeline.ForLanguages(s, news.LangEnglish) }
	runner, err := pipeline.NewRunner(
		segment.New(),
		lang.New(lang.DefaultConfig()),
		en(loaded.stage),
		en(linkStage),
		en(syntaxStage),
		en(quoteStage),
		en(timex.New()),
		en(geoStage),
		en(eventStage),
		en(claimStage),
	)
	if err != nil {
		return nil, err
	}
	runner.SetDocTimeout(opt.DocTimeout)
	return runner, nil
}

// nerLoad is the ner stage loaded on its own goroutine, or its error.
type nerLoad struct {
	stage *ner.Stage
	err   error
}

// loadNER starts loading the ner model, with the gazetteer's place names
// when ix is not nil, and returns where its result arrives.
func loadNER(ix *gazetteer.Index) <-chan nerLoad {
	cfg := ner.DefaultConfig()
	cfg.Gazetteer = ix
	done := make(chan nerLoad, 1)
	go func() {
		s, err := ner.New(cfg)
		done <- nerLoad{s, err}
	}()
	return done
}

// newGeo is the geo stage of opt; without a gazetteer it calls
// opt.NoGazetteer once, on the first document.
func newGeo(opt Options, fixedType func(name string) string) (pipeline.Stage, error) {
	s, err := geo.New(geo.Config{Gazetteer: opt.Gazetteer, CountryHint: opt.CountryHint, FixedType: fixedType})
	if err != nil {
		return nil, fmt.Errorf("geo stage: %w", err)
	}
	if opt.Gazetteer == nil && opt.NoGazetteer != nil {
		return &onceStage{Stage: s, first: opt.NoGazetteer}, nil
	}
	return s, nil
}

// onceStage runs first once, the first time a document reaches the stage.
type onceStage struct {
	pipeline.Stage
	once  sync.Once
	first func()
}

// Process calls first on the first document, then the stage.
func (s *onceStage) Process(ctx context.Context, doc *news.Doc) error {
	s.once.Do(s.first)
	return s.Stage.Process(ctx, doc)
}

// LoadGazetteer loads the GeoNames index from dir ("": the default data
// directory, gazetteer.DataDir). When it cannot, it returns nil and why,
// on one line, with how to install it when none is installed.
func LoadGazetteer(dir string) (*gazetteer.Index, string) {
	var err error
	if dir == "" {
		dir, err = gazetteer.DataDir()
	}
	if err == nil {
		var ix *gazetteer.Index
		if ix, err = gazetteer.Load(dir); err == nil {
			return ix, ""
		}
	}
	if errors.Is(err, gazetteer.ErrNotInstalled) {
		return nil, fmt.Sprintf("no GeoNames index in %s; run 'newsgraph setup' to download it (or 'newsgraph setup --from DIR' with the GeoNames files on disk)", dir)
	}
	return nil, oneLine(err.Error())
}

// oneLine keeps a message on one line.
func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}
