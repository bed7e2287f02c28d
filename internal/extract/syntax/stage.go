package syntax

import (
	"context"
	"fmt"

	"github.com/newsgraph/newsgraph/internal/news"
	"github.com/newsgraph/newsgraph/internal/pipeline"
)

// Config configures the syntax stage.
type Config struct {
	// POSModelPath and ChunkModelPath are model files to use instead of the
	// embedded ones ("" for the embedded one).
	POSModelPath, ChunkModelPath string
}

// DefaultConfig uses the embedded models.
func DefaultConfig() Config { return Config{} }

// Stage is the pipeline stage that tags every token with its part of
// speech and its phrase.
//
// It needs doc.Sentences and doc.Tokens (the segment stage). It sets
// doc.POS and doc.Chunks to slices as long as doc.Tokens: the Penn
// Treebank part-of-speech tag of each token and its IOB2 chunk tag, each
// sentence tagged on its own (a phrase never crosses a sentence). Tokens
// are read through Normalize, so typographic quotes and dashes are tagged
// as their ASCII forms are.
type Stage struct {
	tagger *Tagger
}

var _ pipeline.Stage = (*Stage)(nil)

// New returns the syntax stage for cfg.
func New(cfg Config) (*Stage, error) {
	t, err := Default()
	if err != nil {
		return nil, err
	}
	if cfg.POSModelPath == "" && cfg.ChunkModelPath == "" {
		return &Stage{tagger: t}, nil
	}
	pos, chunk := t.pos, t.chunk
	if cfg.POSModelPath != "" {
		if pos, err = LoadFile(cfg.POSModelPath); err != nil {
			return nil, err
		}
	}
	if cfg.ChunkModelPath != "" {
		if chunk, err = LoadFile(cfg.ChunkModelPath); err != nil {
			return nil, err
		}
	}
	if t, err = NewTagger(pos, chunk); err != nil {
		return nil, err
	}
	return &Stage{tagger: t}, nil
}

// Name is "syntax".
func (s *Stage) Name() string { return "syntax" }

// Process tags doc; see Stage.
func (s *Stage) Process(ctx context.Context, doc *news.Doc) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	n := len(doc.Tokens)
	posIDs := make([]uint8, n)
	chunkIDs := make([]uint8, n)
	words := make([]string, 0, 64)
	pos := make([]string, n)
	chunks := make([]string, n)
	posTags, chunkTags := s.tagger.pos.meta.Tags, s.tagger.chunk.meta.Tags
	for _, sent := range doc.Sentences {
		lo, hi := sent.FirstToken, sent.EndToken
		if lo < 0 || hi > n || lo > hi {
			return fmt.Errorf("sentence at %d-%d has bad token range [%d, %d)", sent.Start, sent.End, lo, hi)
		}
		words = words[:0]
		for _, tok := range doc.Tokens[lo:hi] {
			words = append(words, Normalize(tok.Text))
		}
		s.tagger.TagIDs(words, posIDs[lo:hi], chunkIDs[lo:hi])
		for i := lo; i < hi; i++ {
			pos[i], chunks[i] = posTags[posIDs[i]], chunkTags[chunkIDs[i]]
		}
	}
	doc.POS, doc.Chunks = pos, chunks
	return nil
}
