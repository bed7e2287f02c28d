package ner

import (
	"bytes"
	"errors"
	"os"
	"strings"
	"testing"
)

func mustReadCoNLL(tb testing.TB, path string) *Corpus {
	tb.Helper()
	f, err := os.Open(path)
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	c, err := ReadCoNLL(f)
	if err != nil {
		tb.Fatalf("read %s: %v", path, err)
	}
	return c
}

func TestReadCoNLL(t *testing.T) {
	c := mustReadCoNLL(t, "testdata/small.conll")
	if got, want := len(c.Docs), 2; got != want {
		t.Fatalf("got %d documents, want %d", got, want)
	}
	if got, want := len(c.Docs[0].Sentences), 2; got != want {
		t.Fatalf("got %d sentences in document 1, want %d", got, want)
	}
	s := c.Docs[0].Sentences[1]
	if got, want := strings.Join(s.Words[:4], " "), "Interior Minister Chaudhry Nisar"; got != want {
		t.Errorf("words: got %q, want %q", got, want)
	}
	if got, want := c.Tokens(), 7+18+13; got != want {
		t.Errorf("got %d tokens, want %d", got, want)
	}
	chunks, err := s.Chunks()
	if err != nil {
		t.Fatal(err)
	}
	want := []Chunk{{2, 4, 0}, {6, 7, 2}, {10, 12, 1}, {16, 17, 2}}
	if !equalChunks(chunks, want) {
		t.Errorf("chunks: got %v, want %v", chunks, want)
	}
}

func equalChunks(a, b []Chunk) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestWriteCoNLLEchoesLines(t *testing.T) {
	raw, err := os.ReadFile("testdata/small.conll")
	if err != nil {
		t.Fatal(err)
	}
	c, err := ReadCoNLL(bytes.NewReader(raw))
	if err != nil {
		t.Fatal(err)
	}
	pred := make([][][]Chunk, len(c.Docs))
	for d, doc := range c.Docs {
		pred[d] = make([][]Chunk, len(doc.Sentences))
		for s, sent := range doc.Sentences {
			pred[d][s], _ = sent.Chunks()
		}
	}
	var out bytes.Buffer
	if err := WriteCoNLL(&out, c, pred); err != nil {
		t.Fatal(err)
	}
	in := strings.Split(strings.TrimSuffix(string(raw), "\n"), "\n")
	got := strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n")
	if len(got) != len(in) {
		t.Fatalf("got %d lines, want %d", len(got), len(in))
	}
	for i := range in {
		switch {
		case in[i] == "" || strings.HasPrefix(in[i], "-DOCSTART-"):
			if got[i] != in[i] {
				t.Errorf("line %d: got %q, want it unchanged", i+1, got[i])
			}
		default:
			if !strings.HasPrefix(got[i], in[i]+" ") {
				t.Errorf("line %d: got %q, want %q plus a tag", i+1, got[i], in[i])
			}
		}
	}
	// IOB1 "I-PER I-PER" comes out as IOB2 "B-PER I-PER".
	if want := "Chaudhry NNP I-NP I-PER B-PER"; got[12] != want {
		t.Errorf("line 13: got %q, want %q", got[12], want)
	}
	if want := "Nisar NNP I-NP I-PER I-PER"; got[13] != want {
		t.Errorf("line 14: got %q, want %q", got[13], want)
	}
}

func TestReadCoNLLRejects(t *testing.T) {
	tests := []struct {
		name, in string
	}{
		{"empty", ""},
		{"only blank lines", "\n\n\n"},
		{"prose", "This is an ordinary sentence of prose.\nAnd here is another, longer one than that.\n"},
		{"binary", "ab\x00cd NN O\n"},
		{"not UTF-8", "caf\xe9 NN O\n"},
		{"too many columns", strings.Repeat("x ", 40) + "\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ReadCoNLL(strings.NewReader(tt.in))
			if !errors.Is(err, ErrNotCoNLL) {
				t.Errorf("got error %v, want ErrNotCoNLL", err)
			}
		})
	}
}

func TestChunksFromIOB(t *testing.T) {
	tests := []struct {
		name string
		tags []string
		want []Chunk
	}{
		{"IOB1 adjacent", []string{"I-PER", "I-PER", "B-PER", "O"}, []Chunk{{0, 2, 0}, {2, 3, 0}}},
		{"IOB2", []string{"B-LOC", "I-LOC", "O", "B-ORG"}, []Chunk{{0, 2, 2}, {3, 4, 1}}},
		{"type change", []string{"I-ORG", "I-MISC"}, []Chunk{{0, 1, 1}, {1, 2, 3}}},
		{"none", []string{"O", "O"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := chunksFromIOB(tt.tags)
			if err != nil {
				t.Fatal(err)
			}
			if !equalChunks(got, tt.want) {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
	if _, err := chunksFromIOB([]string{"I-FOO"}); err == nil {
		t.Error("I-FOO: got no error")
	}
}

func TestBILOURoundTrip(t *testing.T) {
	chunks := []Chunk{{0, 1, 0}, {1, 4, 1}, {5, 7, 3}}
	tags := make([]int, 8)
	bilouFromChunks(tags, chunks)
	var names []string
	for _, tg := range tags {
		names = append(names, tagName(tg))
	}
	if got, want := strings.Join(names, " "), "U-PER B-ORG I-ORG L-ORG O B-MISC L-MISC O"; got != want {
		t.Errorf("tags: got %q, want %q", got, want)
	}
	for i := 1; i < len(tags); i++ {
		if !validTransition(tags[i-1], tags[i]) {
			t.Errorf("%s -> %s judged invalid", tagName(tags[i-1]), tagName(tags[i]))
		}
	}
	if got := chunksFromBILOU(tags); !equalChunks(got, chunks) {
		t.Errorf("round trip: got %v, want %v", got, chunks)
	}
	if validTransition(tagOf(0, posB), 0) || validTransition(0, tagOf(0, posI)) || validTransition(tagOf(0, posB), tagOf(1, posL)) {
		t.Error("an invalid BILOU transition was allowed")
	}
}

// FuzzReadCoNLL checks that any input is either rejected with an error or
// read into a corpus that tags and writes back without panicking, one
// output line per input line.
func FuzzReadCoNLL(f *testing.F) {
	raw, err := os.ReadFile("testdata/small.conll")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(raw)
	f.Add([]byte("-DOCSTART-\n\nA\nB\n\n"))
	f.Add([]byte("x y\n\n\nz w\r\n"))
	m := mustDefault(f)
	f.Fuzz(func(t *testing.T, in []byte) {
		c, err := ReadCoNLL(bytes.NewReader(in))
		if err != nil {
			return
		}
		var out bytes.Buffer
		if err := m.TagCoNLL(&out, c, nil); err != nil {
			t.Fatal(err)
		}
		if got, want := strings.Count(out.String(), "\n"), len(c.lines); got != want {
			t.Errorf("wrote %d lines for %d input lines", got, want)
		}
	})
}
