package main

import (
	"fmt"
	"os"
	"runtime/debug"
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

// stageOptions are the stage settings that extract's flags choose.
type stageOptions struct {
	gazetteer   *gazetteer.Index // nil: places are not geocoded and ner tags without place names
	countryHint string           // ISO 3166 code, or ""
	noGazetteer func()           // called once, by the first document, when gazetteer is nil
	docTimeout  time.Duration    // time budget of one document (0: none)
}

// newExtractRunner wires the extraction stages in their fixed order:
// segment -> language -> ner -> link -> syntax -> quote -> timex -> geo ->
// event -> claim. This is the one place where the order is decided. The
// stages after language run only on English text (or text too short to
// tell); see pipeline.ForLanguages.
//
// Loading the stages' models is most of the start-up time. The ner model
// loads on its own goroutine while the others load, and no garbage is
// collected meanwhile: the models stay for the whole run, so a collection
// while they load would only scan them again and again (a fifth of the
// start-up time); the first collection after it marks them once.
func newExtractRunner(opt stageOptions) (*pipeline.Runner, error) {
	defer debug.SetGCPercent(debug.SetGCPercent(-1))
	nerCfg := ner.DefaultConfig()
	nerCfg.Gazetteer = opt.gazetteer
	type nerLoad struct {
		stage *ner.Stage
		err   error
	}
	nerDone := make(chan nerLoad, 1)
	go func() {
		s, err := ner.New(nerCfg)
		nerDone <- nerLoad{s, err}
	}()
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
	nerStage := loaded.stage
	var geoStage pipeline.Stage
	if geoStage, err = geo.New(geo.Config{Gazetteer: opt.gazetteer, CountryHint: opt.countryHint, FixedType: linkStage.AliasType}); err != nil {
		return nil, err
	}
	if opt.gazetteer == nil && opt.noGazetteer != nil {
		geoStage = &onceStage{Stage: geoStage, first: opt.noGazetteer}
	}
	// The stages after language read English words, patterns and models:
	// a text in another language is stored and searchable without them.
	en := func(s pipeline.Stage) pipeline.Stage { return pipeline.ForLanguages(s, news.LangEnglish) }
	runner, err := pipeline.NewRunner(
		segment.New(),
		lang.New(lang.DefaultConfig()),
		en(nerStage),
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
	runner.SetDocTimeout(opt.docTimeout)
	return runner, nil
}
