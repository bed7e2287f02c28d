package main

import (
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// TestExtractRealNewsNeverFails runs the whole pipeline over real news
// (PolNeAR dev and part of train): every article must come out as a
// contract document. A stage that panics on some article shows here as a
// failed input.
func TestExtractRealNewsNeverFails(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the pipeline over 300 articles")
	}
	dev, _ := filepath.Glob("../../../shared/data/polnear/dev/text/*.txt")
	train, _ := filepath.Glob("../../../shared/data/polnear/train/text/*.txt")
	if len(dev) == 0 {
		t.Skip("PolNeAR texts not found under ../shared/data")
	}
	sort.Strings(train)
	files := append(dev, train[:min(len(train), 216)]...)
	code, out, errOut := run(t, "", append([]string{"extract", "--jsonl"}, files...)...)
	if code != 0 {
		t.Fatalf("exit %d; stderr:\n%s", code, errOut)
	}
	if n := strings.Count(out, "\n"); n != len(files) {
		t.Errorf("got %d documents for %d inputs", n, len(files))
	}
	if strings.Contains(out, `"newsgraph/error/v1"`) {
		t.Errorf("an input failed:\n%s", errOut)
	}
}
