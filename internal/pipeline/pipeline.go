// Package pipeline runs the extraction stages over documents in a fixed,
// explicit order, timing each stage and keeping one document's failure from
// sinking a batch.
package pipeline

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/newsgraph/newsgraph/internal/news"
)

// Stage is one step of extraction.
//
// Process reads what earlier stages put in doc and adds its own findings.
// It must be deterministic (the same doc gives the same result), must not
// keep doc after it returns, and must be safe for concurrent use on
// different docs. An error means this doc could not be processed by this
// stage; the Runner records it and stops that doc, not the batch.
type Stage interface {
	Name() string
	Process(ctx context.Context, doc *news.Doc) error
}

// LanguageStage is a Stage that applies only to text in some languages
// (ForLanguages makes one). The Runner skips it on a document whose
// Doc.Language is another, and says so in Doc.Notes; a document whose
// language is unknown ("" or news.LangUndetermined) runs every stage.
type LanguageStage interface {
	Stage
	// Languages returns the language codes (as in Doc.Language) the
	// stage is written for.
	Languages() []string
}

// ForLanguages returns s as a LanguageStage for the languages langs.
func ForLanguages(s Stage, langs ...string) LanguageStage {
	return &languageStage{Stage: s, langs: langs}
}

type languageStage struct {
	Stage
	langs []string
}

func (s *languageStage) Languages() []string { return s.langs }

// appliesTo reports whether s runs on a document in language lang.
func appliesTo(s Stage, lang string) bool {
	ls, ok := s.(LanguageStage)
	if !ok || lang == "" || lang == news.LangUndetermined {
		return true
	}
	return slices.Contains(ls.Languages(), lang)
}

// skipNotes are the notes of a document in language lang whose stages
// skipped were not written for it: one per set of languages, in stage
// order. Stages for English only are "English-only"; others name their
// languages ("de/fr-only").
func skipNotes(lang string, skipped []Stage) []string {
	var labels []string
	names := map[string][]string{}
	for _, s := range skipped {
		label := strings.Join(s.(LanguageStage).Languages(), "/")
		if label == news.LangEnglish {
			label = "English"
		}
		if names[label] == nil {
			labels = append(labels, label)
		}
		names[label] = append(names[label], s.Name())
	}
	notes := make([]string, len(labels))
	for i, label := range labels {
		notes[i] = fmt.Sprintf("language %s: %s-only stages skipped (%s)", lang, label, strings.Join(names[label], ", "))
	}
	return notes
}

// DefaultDocTimeout is the time budget of one document unless the runner
// is given another (the --doc-timeout flag of extract, ingest and serve).
const DefaultDocTimeout = 60 * time.Second

// Runner applies its stages, in the order given, to each document.
type Runner struct {
	stages     []Stage
	docTimeout time.Duration
}

// SetDocTimeout gives every document a time budget of d for all its
// stages together (0: none). Call it before the first Run. When the budget
// is spent, Run stops the document with an error that wraps
// ErrDocTimeout; see Run.
func (r *Runner) SetDocTimeout(d time.Duration) { r.docTimeout = max(d, 0) }

// DocTimeout returns the time budget of one document (0: none).
func (r *Runner) DocTimeout() time.Duration { return r.docTimeout }

// ErrDocTimeout is the cause of a document's failure when it used up its
// time budget.
var ErrDocTimeout = errors.New("document over its time budget")

// BudgetError says that a document used up its time budget. It is
// ErrDocTimeout and, as a deadline that passed, context.DeadlineExceeded
// for errors.Is.
type BudgetError struct {
	Budget time.Duration
}

func (e *BudgetError) Error() string {
	return fmt.Sprintf("%v (%s)", ErrDocTimeout, e.Budget)
}

func (e *BudgetError) Unwrap() []error { return []error{ErrDocTimeout, context.DeadlineExceeded} }

// NewRunner returns a Runner for stages in exactly this order. It rejects
// nil stages and duplicate names, which would make timings ambiguous.
func NewRunner(stages ...Stage) (*Runner, error) {
	seen := make(map[string]bool, len(stages))
	for i, s := range stages {
		if s == nil {
			return nil, fmt.Errorf("new runner: stage %d is nil", i)
		}
		if seen[s.Name()] {
			return nil, fmt.Errorf("new runner: stage %q listed twice", s.Name())
		}
		seen[s.Name()] = true
	}
	return &Runner{stages: stages}, nil
}

// StageNames returns the stage names in run order.
func (r *Runner) StageNames() []string {
	names := make([]string, len(r.stages))
	for i, s := range r.stages {
		names[i] = s.Name()
	}
	return names
}

// StageError is the error of one stage on one document.
type StageError struct {
	Stage  string
	Source string
	Err    error
}

func (e *StageError) Error() string {
	return fmt.Sprintf("%s: stage %s: %v", e.Source, e.Stage, e.Err)
}

func (e *StageError) Unwrap() error { return e.Err }

// Run applies every stage to doc in order and appends a timing per stage to
// doc.Timings. A LanguageStage not written for doc.Language (as the stages
// before it left it) is skipped, with no timing, and a note in doc.Notes
// lists the stages skipped (see skipNotes). It stops at the first failing stage and returns a
// *StageError; a panic inside a stage is turned into such an error so that
// one bad document cannot take down a batch.
//
// With a time budget (SetDocTimeout), ctx gets that deadline for the
// document: Run checks it before every stage, and the long loops of the
// stages check it as they go, so a document over its budget stops within
// a fraction of a stage. Its error then wraps a *BudgetError (errors.Is
// ErrDocTimeout) and names the stage that was running; a cancellation of
// ctx itself keeps its own error.
func (r *Runner) Run(ctx context.Context, doc *news.Doc) error {
	if r.docTimeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeoutCause(ctx, r.docTimeout, &BudgetError{Budget: r.docTimeout})
		defer cancel()
	}
	var skipped []Stage
	defer func() {
		if len(skipped) > 0 {
			doc.Notes = append(doc.Notes, skipNotes(doc.Language, skipped)...)
		}
	}()
	for _, s := range r.stages {
		if ctx.Err() != nil {
			return &StageError{Stage: s.Name(), Source: doc.Source, Err: context.Cause(ctx)}
		}
		if !appliesTo(s, doc.Language) {
			skipped = append(skipped, s)
			continue
		}
		start := time.Now()
		err := runStage(ctx, s, doc)
		doc.Timings = append(doc.Timings, news.StageTiming{Stage: s.Name(), Duration: time.Since(start)})
		if err != nil {
			if errors.Is(err, context.DeadlineExceeded) && ctx.Err() != nil {
				err = context.Cause(ctx) // the budget's error, not a bare "deadline exceeded"
			}
			return &StageError{Stage: s.Name(), Source: doc.Source, Err: err}
		}
	}
	return nil
}

func runStage(ctx context.Context, s Stage, doc *news.Doc) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("internal error: %v", p)
		}
	}()
	return s.Process(ctx, doc)
}

// Result is the outcome of one document in a batch.
type Result struct {
	Doc *news.Doc
	Err error
}

// RunBatch runs every document and returns one Result per document, in input
// order. A failing document has its error in its Result; the others are
// processed as usual.
func (r *Runner) RunBatch(ctx context.Context, docs []*news.Doc) []Result {
	results := make([]Result, len(docs))
	for i, d := range docs {
		results[i] = Result{Doc: d, Err: r.Run(ctx, d)}
	}
	return results
}
