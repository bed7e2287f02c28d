package syntax

import (
	"bytes"
	_ "embed"
	"fmt"
	"sync"
)

// The shipped models, made by `newsgraph train pos` and `newsgraph train
// chunk` (see 'newsgraph train --help' and the commit that changed them
// for the exact commands and their scores on eng.testb).
//
//go:embed model/pos.model.gz
var embeddedPOS []byte

//go:embed model/chunk.model.gz
var embeddedChunk []byte

// Tagger gives the words of a sentence their part-of-speech tags and then
// their chunk tags. It is safe for concurrent use.
type Tagger struct {
	pos, chunk *Model
	// chunkPOS maps the tagger's tag ids to the chunker's part-of-speech ids.
	chunkPOS []uint8
	pool     sync.Pool
}

// NewTagger pairs a part-of-speech model with a chunk model.
func NewTagger(pos, chunk *Model) (*Tagger, error) {
	if pos.Kind() != KindPOS {
		return nil, fmt.Errorf("new tagger: the part-of-speech model is a %s model", pos.Kind())
	}
	if chunk.Kind() != KindChunk {
		return nil, fmt.Errorf("new tagger: the chunk model is a %s model", chunk.Kind())
	}
	t := &Tagger{pos: pos, chunk: chunk, chunkPOS: make([]uint8, len(pos.Tags()))}
	for id, tag := range pos.Tags() {
		t.chunkPOS[id] = chunk.posIDOf(tag)
	}
	return t, nil
}

var defaultTagger struct {
	once sync.Once
	t    *Tagger
	err  error
}

// Default returns the tagger of the embedded models, loading them on first
// use. It is shared and safe for concurrent use.
func Default() (*Tagger, error) {
	d := &defaultTagger
	d.once.Do(func() {
		pos, err := Load(bytes.NewReader(embeddedPOS))
		if err != nil {
			d.err = fmt.Errorf("load embedded model pos.model.gz: %w", err)
			return
		}
		chunk, err := Load(bytes.NewReader(embeddedChunk))
		if err != nil {
			d.err = fmt.Errorf("load embedded model chunk.model.gz: %w", err)
			return
		}
		d.t, d.err = NewTagger(pos, chunk)
	})
	return d.t, d.err
}

// POS is the tagger's part-of-speech model.
func (t *Tagger) POS() *Model { return t.pos }

// Chunk is the tagger's chunk model.
func (t *Tagger) Chunk() *Model { return t.chunk }

// TagIDs tags one sentence of words (Penn-style tokens; see Normalize),
// writing tag ids into pos (ids of POS().Tags()) and chunks (ids of
// Chunk().Tags()), which must be as long as words.
func (t *Tagger) TagIDs(words []string, pos, chunks []uint8) {
	if len(pos) != len(words) || len(chunks) != len(words) {
		panic(fmt.Sprintf("syntax: TagIDs with %d words, %d and %d tag slots", len(words), len(pos), len(chunks)))
	}
	sc, _ := t.pool.Get().(*scratch)
	if sc == nil {
		sc = newScratch()
	}
	defer t.pool.Put(sc)
	sc.c.reset(words, t.pos.lex, t.pos.cl, t.pos.meta.WordNet)
	t.pos.decode(&sc.c, pos, sc)
	for _, id := range pos {
		sc.c.pos = append(sc.c.pos, t.chunkPOS[id])
	}
	t.chunk.decode(&sc.c, chunks, sc)
}

// Tag tags one sentence and returns its part-of-speech tags and IOB2
// chunk tags; see TagIDs.
func (t *Tagger) Tag(words []string) (pos, chunks []string) {
	pi := make([]uint8, len(words))
	ci := make([]uint8, len(words))
	t.TagIDs(words, pi, ci)
	pos = make([]string, len(words))
	chunks = make([]string, len(words))
	for i := range words {
		pos[i] = t.pos.meta.Tags[pi[i]]
		chunks[i] = t.chunk.meta.Tags[ci[i]]
	}
	return pos, chunks
}
