package syntax

import (
	"bufio"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"hash"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/newsgraph/newsgraph/internal/extract/segment"
	"github.com/newsgraph/newsgraph/internal/news"
)

// testbTagsDigest is the SHA-256 of the tags the embedded models give the
// sentences of eng.testb (writeTags' format). Speed work on the tagger must
// leave it as it is; a retrained model changes it (print the new one with
// go test -run TagsUnchanged -v).
const testbTagsDigest = "e313b4b8be85a1ae5244b6fc1dd2a73f6c0da6e39fed1425ad5960e799cc08cc"

// writeTags writes one line per word: the word, its part-of-speech tag and
// its chunk tag, and an empty line after each sentence.
func writeTags(w io.Writer, words, pos, chunks []string) {
	for i := range words {
		fmt.Fprintf(w, "%s %s %s\n", words[i], pos[i], chunks[i])
	}
	fmt.Fprintln(w)
}

// tagsOut is the digest of the tags, and the file named by
// NEWSGRAPH_SYNTAX_DUMP (with suffix) when it is set, for diffing two
// versions of the code.
func tagsOut(t *testing.T, suffix string) (hash.Hash, io.Writer, func()) {
	t.Helper()
	h := sha256.New()
	dump := os.Getenv("NEWSGRAPH_SYNTAX_DUMP")
	if dump == "" {
		return h, h, func() {}
	}
	f, err := os.Create(dump + suffix)
	if err != nil {
		t.Fatal(err)
	}
	bw := bufio.NewWriter(f)
	return h, io.MultiWriter(h, bw), func() {
		if err := bw.Flush(); err != nil {
			t.Fatal(err)
		}
		if err := f.Close(); err != nil {
			t.Fatal(err)
		}
	}
}

// TestTagsUnchanged checks that the tagger gives every word of eng.testb
// the tags it gave before (testbTagsDigest). With NEWSGRAPH_SYNTAX_DUMP=F it
// also writes the tags to F.testb and the stage's tags of the PolNeAR train
// articles to F.polnear, so that two versions can be diffed.
func TestTagsUnchanged(t *testing.T) {
	c := mustReadCoNLL(t, needCoNLL(t, "eng.testb"))
	tg := mustDefault(t)
	h, w, done := tagsOut(t, ".testb")
	for _, s := range c.Sentences {
		pos, chunks := tg.Tag(s.Words)
		writeTags(w, s.Words, pos, chunks)
	}
	done()
	if got := hex.EncodeToString(h.Sum(nil)); got != testbTagsDigest {
		t.Errorf("tags of eng.testb changed: digest %s, want %s", got, testbTagsDigest)
	}
	if os.Getenv("NEWSGRAPH_SYNTAX_DUMP") != "" {
		dumpPolNeARTrain(t)
	}
}

func dumpPolNeARTrain(t *testing.T) {
	paths, _ := filepath.Glob(filepath.Join("..", "..", "..", "..", "shared", "data", "polnear", "train", "text", "*.txt"))
	if len(paths) == 0 {
		t.Skip("PolNeAR train texts not found under ../shared/data")
	}
	s := mustStage(t)
	_, w, done := tagsOut(t, ".polnear")
	defer done()
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		d := &news.Doc{Text: string(data)}
		if err := segment.New().Process(context.Background(), d); err != nil {
			t.Fatal(err)
		}
		if err := s.Process(context.Background(), d); err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		fmt.Fprintln(w, filepath.Base(p))
		words := make([]string, len(d.Tokens))
		for i, tok := range d.Tokens {
			words[i] = tok.Text
		}
		writeTags(w, words, d.POS, d.Chunks)
	}
}

// TestPosWordReadsOnlyTheWord checks that the features the word cache sums
// once per word (posWord) are the same wherever the word stands: first or
// not, in a sentence in capitals or not, between any neighbours.
func TestPosWordReadsOnlyTheWord(t *testing.T) {
	tg := mustDefault(t)
	m := tg.pos
	sents := [][]string{
		{"Officials", "said", "the", "anti-government", "protest", "was", "peaceful", "."},
		{"REUTERS", "REPORTS", "ANTI-GOVERNMENT", "PROTEST"},
		{"said", "Officials", "peaceful", "protest", "the", "was"},
	}
	var a, b sentCtx
	for _, s := range sents {
		a.reset(s, m.lex, m.cl, m.meta.WordNet)
		for i, w := range s {
			b.reset([]string{"x", w, "Y"}, m.lex, m.cl, m.meta.WordNet)
			got := a.posWord(i, nil)
			want := b.posWord(1, nil)
			if fmt.Sprint(got) != fmt.Sprint(want) {
				t.Errorf("posWord of %q at %d of %q: %v, alone %v", w, i, s, got, want)
			}
		}
	}
}
