package syntax

import (
	"os"
	"path/filepath"
	"testing"
)

// conllDir is where the shared CoNLL-2003 files are, beside the repository.
var conllDir = filepath.Join("..", "..", "..", "..", "shared", "data", "conll2003")

// needCoNLL returns the path of a shared CoNLL-2003 file, skipping the test
// when the shared data is absent.
func needCoNLL(tb testing.TB, name string) string {
	tb.Helper()
	p := filepath.Join(conllDir, name)
	if _, err := os.Stat(p); err != nil {
		tb.Skipf("CoNLL-2003 data not found (%v): the quality tests need ../shared/data beside the repository", err)
	}
	return p
}

func mustReadCoNLL(tb testing.TB, path string) *Corpus {
	tb.Helper()
	c, err := ReadCoNLLFile(path)
	if err != nil {
		tb.Fatal(err)
	}
	return c
}

func mustDefault(tb testing.TB) *Tagger {
	tb.Helper()
	t, err := Default()
	if err != nil {
		tb.Fatal(err)
	}
	return t
}

func polnearDevTexts(tb testing.TB) []string {
	tb.Helper()
	paths, _ := filepath.Glob(filepath.Join("..", "..", "..", "..", "shared", "data", "polnear", "dev", "text", "*.txt"))
	if len(paths) == 0 {
		tb.Skip("PolNeAR dev texts not found under ../shared/data")
	}
	texts := make([]string, 0, len(paths))
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			tb.Fatal(err)
		}
		texts = append(texts, string(data))
	}
	return texts
}
