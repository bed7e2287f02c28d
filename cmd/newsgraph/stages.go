package main

import (
	"fmt"
	"os"

	"github.com/newsgraph/newsgraph/internal/extract/link"
	"github.com/newsgraph/newsgraph/internal/extract/ner"
	"github.com/newsgraph/newsgraph/internal/extract/segment"
	"github.com/newsgraph/newsgraph/internal/pipeline"
)

// newExtractRunner wires the extraction stages in their fixed order:
// segment -> ner -> link -> quote -> timex -> geo -> event -> claim.
// This is the one place where the order is decided.
func newExtractRunner() (*pipeline.Runner, error) {
	nerStage, err := ner.New(ner.DefaultConfig())
	if err != nil {
		return nil, fmt.Errorf("load ner model: %w", err)
	}
	linkStage, err := link.New(link.Config{DataDir: os.Getenv("NEWSGRAPH_DATA"), PronounWindow: link.DefaultConfig().PronounWindow})
	if err != nil {
		return nil, fmt.Errorf("link stage: %w", err)
	}
	return pipeline.NewRunner(
		segment.New(),
		nerStage,
		linkStage,
	)
}
