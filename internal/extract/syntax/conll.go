package syntax

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"unicode/utf8"
)

// ErrNotCoNLL marks input that is not a CoNLL-2003 column file.
var ErrNotCoNLL = errors.New("not a CoNLL-2003 file with part-of-speech and chunk columns")

// Sentence is one sentence of a CoNLL-2003 file.
type Sentence struct {
	Words  []string
	POS    []string // second column
	Chunks []string // third column, converted to IOB2 ("B-NP", "I-NP", "O")
}

// Corpus is the sentences of a CoNLL-2003 file, in file order; document
// boundaries (-DOCSTART- lines) are dropped, as the models tag sentence by
// sentence.
type Corpus struct {
	Sentences []Sentence
}

// Tokens returns the number of tokens in c.
func (c *Corpus) Tokens() int {
	n := 0
	for _, s := range c.Sentences {
		n += len(s.Words)
	}
	return n
}

// ReadCoNLL reads a CoNLL-2003 style file: one token a line with the
// columns word, part-of-speech tag, chunk tag (IOB1 or IOB2) and optionally
// more (the NER tag), blank lines between sentences and -DOCSTART- lines
// between documents. Chunk tags are returned in IOB2. It returns an error
// wrapping ErrNotCoNLL, naming the line, when the input is not such a file.
func ReadCoNLL(r io.Reader) (*Corpus, error) {
	c := &Corpus{}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 1024*1024)
	var sent *Sentence
	flush := func() {
		if sent != nil {
			sent.Chunks = iob2(sent.Chunks)
			c.Sentences = append(c.Sentences, *sent)
			sent = nil
		}
	}
	lineNo := 0
	for sc.Scan() {
		lineNo++
		raw := sc.Bytes()
		if !utf8.Valid(raw) || bytes.IndexByte(raw, 0) >= 0 {
			return nil, fmt.Errorf("line %d is not UTF-8 text: %w", lineNo, ErrNotCoNLL)
		}
		fields := strings.Fields(string(raw))
		switch {
		case len(fields) == 0:
			flush()
			continue
		case fields[0] == "-DOCSTART-":
			flush()
			continue
		case len(fields) < 3:
			return nil, fmt.Errorf("line %d has %d columns, want at least 3 (word, POS, chunk): %w", lineNo, len(fields), ErrNotCoNLL)
		}
		if !validChunkTag(fields[2]) {
			return nil, fmt.Errorf("line %d: %q is not an IOB chunk tag: %w", lineNo, fields[2], ErrNotCoNLL)
		}
		if sent == nil {
			sent = &Sentence{}
		}
		sent.Words = append(sent.Words, fields[0])
		sent.POS = append(sent.POS, fields[1])
		sent.Chunks = append(sent.Chunks, fields[2])
	}
	if err := sc.Err(); err != nil {
		if errors.Is(err, bufio.ErrTooLong) {
			return nil, fmt.Errorf("line %d is too long: %w", lineNo+1, ErrNotCoNLL)
		}
		return nil, fmt.Errorf("read: %w", err)
	}
	flush()
	if len(c.Sentences) == 0 {
		return nil, fmt.Errorf("no tokens found: %w", ErrNotCoNLL)
	}
	return c, nil
}

// ReadCoNLLFile reads the CoNLL-2003 file at path, naming it in errors.
func ReadCoNLLFile(path string) (*Corpus, error) {
	f, err := os.Open(path)
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return nil, fmt.Errorf("%s: no such file", path)
		}
		return nil, err
	}
	defer f.Close()
	if st, err := f.Stat(); err == nil && st.IsDir() {
		return nil, fmt.Errorf("%s is a directory", path)
	}
	c, err := ReadCoNLL(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return c, nil
}

func validChunkTag(t string) bool {
	if t == "O" {
		return true
	}
	return len(t) > 2 && (t[0] == 'B' || t[0] == 'I') && t[1] == '-'
}

// iob2 rewrites IOB1 chunk tags in place as IOB2: a phrase that starts
// with I-X (because the tag before is not of type X) starts with B-X.
func iob2(tags []string) []string {
	prev := "O"
	for i, t := range tags {
		if t[0] == 'I' && (prev == "O" || prev[2:] != t[2:]) {
			tags[i] = "B-" + t[2:]
		}
		prev = t
	}
	return tags
}

// Phrase is a chunk of a sentence: tokens [Start, End) of type Type ("NP",
// "VP", "PP", ...).
type Phrase struct {
	Start, End int
	Type       string
}

// Phrases returns the phrases of IOB2 (or IOB1) chunk tags, in order. A tag
// that is not a chunk tag counts as O.
func Phrases(tags []string) []Phrase {
	var out []Phrase
	open := -1
	for i, t := range tags {
		cont := open >= 0 && len(t) > 2 && t[0] == 'I' && t[2:] == out[open].Type
		if cont {
			out[open].End = i + 1
			continue
		}
		open = -1
		if validChunkTag(t) && t != "O" {
			out = append(out, Phrase{Start: i, End: i + 1, Type: t[2:]})
			open = len(out) - 1
		}
	}
	return out
}
