package ner

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// ErrNotCoNLL marks input that is not a CoNLL column file.
var ErrNotCoNLL = errors.New("not a CoNLL file")

// Sentence is one sentence of a CoNLL file.
type Sentence struct {
	// Words are the tokens (the first column).
	Words []string
	// Gold are the tags of the last column (IOB1 or IOB2), nil when the
	// file has only one column.
	Gold []string
}

// Document is the sentences between two -DOCSTART- lines (or the whole
// file when it has none).
type Document struct {
	Sentences []Sentence
}

// Words returns the words of every sentence of d.
func (d *Document) Words() [][]string {
	out := make([][]string, len(d.Sentences))
	for i, s := range d.Sentences {
		out[i] = s.Words
	}
	return out
}

// line is one input line, kept so that the writer can echo it.
type line struct {
	text string
	doc  int // -1 for blank and -DOCSTART- lines
	sent int
	tok  int
}

// Corpus is a whole CoNLL file: its documents and its lines as read.
type Corpus struct {
	Docs  []Document
	lines []line
}

// Tokens returns the number of tokens in c.
func (c *Corpus) Tokens() int {
	n := 0
	for _, d := range c.Docs {
		for _, s := range d.Sentences {
			n += len(s.Words)
		}
	}
	return n
}

const maxColumns = 16

// ReadCoNLL reads a CoNLL-2003 style file: one token a line with
// space-separated columns (the word first), blank lines between sentences
// and -DOCSTART- lines between documents. Every token line must have the
// same number of columns. It returns an error wrapping ErrNotCoNLL when the
// input does not look like such a file.
func ReadCoNLL(r io.Reader) (*Corpus, error) {
	c := &Corpus{}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 1024*1024)
	cols := 0
	var doc *Document
	var sent *Sentence
	lineNo := 0
	for sc.Scan() {
		lineNo++
		raw := sc.Bytes()
		if !utf8.Valid(raw) || bytes.IndexByte(raw, 0) >= 0 {
			return nil, fmt.Errorf("line %d is not UTF-8 text: %w", lineNo, ErrNotCoNLL)
		}
		text := strings.TrimRight(string(raw), "\r")
		fields := strings.Fields(text)
		switch {
		case len(fields) == 0:
			c.lines = append(c.lines, line{text: text, doc: -1})
			sent = nil
			continue
		case fields[0] == "-DOCSTART-":
			c.lines = append(c.lines, line{text: text, doc: -1})
			c.Docs = append(c.Docs, Document{})
			doc = &c.Docs[len(c.Docs)-1]
			sent = nil
			continue
		}
		if cols == 0 {
			cols = len(fields)
			if cols > maxColumns {
				return nil, fmt.Errorf("line %d has %d columns: %w", lineNo, cols, ErrNotCoNLL)
			}
		} else if len(fields) != cols {
			return nil, fmt.Errorf("line %d has %d columns where earlier lines have %d: %w", lineNo, len(fields), cols, ErrNotCoNLL)
		}
		if doc == nil {
			c.Docs = append(c.Docs, Document{})
			doc = &c.Docs[len(c.Docs)-1]
		}
		if sent == nil {
			doc.Sentences = append(doc.Sentences, Sentence{})
			sent = &doc.Sentences[len(doc.Sentences)-1]
		}
		sent.Words = append(sent.Words, fields[0])
		if cols > 1 {
			sent.Gold = append(sent.Gold, fields[cols-1])
		}
		c.lines = append(c.lines, line{text: text, doc: len(c.Docs) - 1, sent: len(doc.Sentences) - 1, tok: len(sent.Words) - 1})
	}
	if err := sc.Err(); err != nil {
		if errors.Is(err, bufio.ErrTooLong) {
			return nil, fmt.Errorf("line %d is too long: %w", lineNo+1, ErrNotCoNLL)
		}
		return nil, fmt.Errorf("read: %w", err)
	}
	if cols == 0 {
		return nil, fmt.Errorf("no tokens found: %w", ErrNotCoNLL)
	}
	return c, nil
}

// Chunks returns the gold chunks of s. It fails when a tag is not an IOB
// tag of the CoNLL-2003 types.
func (s *Sentence) Chunks() ([]Chunk, error) {
	if s.Gold == nil {
		return nil, errors.New("the file has no tag column")
	}
	return chunksFromIOB(s.Gold)
}

// WriteCoNLL writes every line of c as read, with the predicted tag of each
// token appended as a last column (IOB2). Blank and -DOCSTART- lines are
// written unchanged. pred holds the chunks of each sentence of each
// document.
func WriteCoNLL(w io.Writer, c *Corpus, pred [][][]Chunk) error {
	bw := bufio.NewWriter(w)
	tags := make([][][]string, len(c.Docs))
	for d, doc := range c.Docs {
		tags[d] = make([][]string, len(doc.Sentences))
		for s, sent := range doc.Sentences {
			tags[d][s] = IOB2(len(sent.Words), pred[d][s])
		}
	}
	for _, l := range c.lines {
		bw.WriteString(l.text)
		if l.doc >= 0 {
			bw.WriteByte(' ')
			bw.WriteString(tags[l.doc][l.sent][l.tok])
		}
		bw.WriteByte('\n')
	}
	return bw.Flush()
}
