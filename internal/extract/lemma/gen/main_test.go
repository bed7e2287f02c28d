package main

import (
	"bytes"
	"compress/gzip"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A small WordNet in testdata/wordnet: collocations and an exception that maps a word to itself
// are left out, words are front-coded with their parts of speech, antonym pointers become pairs.
func TestGenerate(t *testing.T) {
	dir := t.TempDir()
	out, lic := filepath.Join(dir, "table.gz"), filepath.Join(dir, "LICENSE")
	if err := run("testdata/wordnet", out, "testdata/wordnet/copyright", lic); err != nil {
		t.Fatal(err)
	}
	want := `# lemma table from WordNet 3.0 (Debian wordnet-base), written by internal/extract/lemma/gen; see LICENSE-WordNet
@words
20acknowledge
21dmit
31ttack
20deny
40good
13se
20refuse
20say
10talk
14s
80well
@exc noun
geese goose
@exc verb
said say
@exc adj
better good
@exc adv
better well
@synsets verb
admit acknowledge
deny refuse
attack assail
@antonyms verb
acknowledge attack
admit deny
`
	if got := gunzipFile(t, out); got != want {
		t.Errorf("table:\n%s\nwant:\n%s", got, want)
	}
	if b, err := os.ReadFile(lic); err != nil || !strings.Contains(string(b), "WordNet3.0") {
		t.Errorf("licence copy: %q, %v", b, err)
	}
}

func TestGenerateMissingWordNet(t *testing.T) {
	dir := t.TempDir()
	err := run(filepath.Join(dir, "none"), filepath.Join(dir, "t.gz"), "x", filepath.Join(dir, "L"))
	if err == nil || !strings.Contains(err.Error(), "apt-get install -y wordnet-base") || strings.Contains(err.Error(), "\n") {
		t.Errorf("error = %v, want one line that says how to install WordNet", err)
	}
}

// The committed table and licence are what the generator makes from the installed WordNet.
// CI has no WordNet, so this runs only where Debian's wordnet-base is installed.
func TestCommittedTableIsCurrent(t *testing.T) {
	const wordnet, notice = "/usr/share/wordnet", "/usr/share/doc/wordnet-base/copyright"
	if _, err := os.Stat(filepath.Join(wordnet, "index.noun")); err != nil {
		t.Skip("WordNet is not installed (apt-get install -y wordnet-base)")
	}
	dir := t.TempDir()
	out, lic := filepath.Join(dir, "table.gz"), filepath.Join(dir, "LICENSE")
	if err := run(wordnet, out, notice, lic); err != nil {
		t.Fatal(err)
	}
	if gunzipFile(t, out) != gunzipFile(t, "../wordnet.txt.gz") {
		t.Error("wordnet.txt.gz is not what gen makes from the installed WordNet: run go generate ./internal/extract/lemma")
	}
	got, _ := os.ReadFile(lic)
	committed, _ := os.ReadFile("../LICENSE-WordNet")
	if !bytes.Equal(got, committed) {
		t.Error("LICENSE-WordNet differs from the installed WordNet's copyright file")
	}
}

func gunzipFile(t *testing.T, path string) string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	b, err := io.ReadAll(zr)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
