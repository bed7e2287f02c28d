package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/internal/extract/syntax"
)

// TestTrainPOSAndChunk trains both syntax models on a small CoNLL-2003
// file through the command line and loads what it wrote.
func TestTrainPOSAndChunk(t *testing.T) {
	conll := filepath.Join("..", "..", "internal", "extract", "syntax", "testdata", "small.conll")
	dir := t.TempDir()
	pos, chunk := filepath.Join(dir, "pos.gz"), filepath.Join(dir, "chunk.gz")
	last := filepath.Join(dir, "last.gz")
	for _, args := range [][]string{
		{"train", "pos", "--quiet", "--train", conll, "--dev", conll, "--epochs", "2", "--min-count", "1", "--out", pos},
		{"train", "chunk", "--quiet", "--train", conll, "--dev", conll, "--epochs", "2", "--min-count", "1", "--pos-model", pos, "--out", chunk},
		// without --dev, every pass is made and the last kept
		{"train", "pos", "--quiet", "--train", conll, "--epochs", "3", "--min-count", "1", "--out", last},
		{"train", "chunk", "--quiet", "--train", conll, "--epochs", "3", "--min-count", "1", "--out", last},
	} {
		if code, out, errOut := run(t, "", args...); code != 0 || out != "" || errOut != "" {
			t.Fatalf("%v: exit %d, stdout %q, stderr %q", args, code, out, errOut)
		}
	}
	p, err := syntax.LoadFile(pos)
	if err != nil {
		t.Fatal(err)
	}
	c, err := syntax.LoadFile(chunk)
	if err != nil {
		t.Fatal(err)
	}
	if p.Kind() != syntax.KindPOS || c.Kind() != syntax.KindChunk || !strings.HasPrefix(c.Meta().Command, "newsgraph train chunk --train") {
		t.Errorf("kinds %s %s, command %q", p.Kind(), c.Kind(), c.Meta().Command)
	}
	if l, err := syntax.LoadFile(last); err != nil || l.Kind() != syntax.KindChunk || l.Meta().Epochs != 3 {
		t.Errorf("model trained without --dev: %v, %+v", err, l)
	}
}

func TestTrainSyntaxErrors(t *testing.T) {
	dir := t.TempDir()
	prose := filepath.Join(dir, "prose.txt")
	if err := os.WriteFile(prose, []byte("Just some prose.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	conll := filepath.Join("..", "..", "internal", "extract", "syntax", "testdata", "small.conll")
	out := filepath.Join(dir, "m.gz")
	for _, tt := range []struct {
		name string
		args []string
		code int
		msg  string
	}{
		{"pos missing flags", []string{"train", "pos", "--train", conll}, 2, "required"},
		{"chunk missing flags", []string{"train", "chunk", "--dev", conll}, 2, "required"},
		{"pos missing file", []string{"train", "pos", "--train", filepath.Join(dir, "nope"), "--dev", conll, "--out", out}, 1, "no such file"},
		{"pos not CoNLL", []string{"train", "pos", "--train", prose, "--dev", conll, "--out", out}, 1, "not a CoNLL-2003 file"},
		{"pos bad epochs", []string{"train", "pos", "--train", conll, "--dev", conll, "--out", out, "--epochs", "0"}, 2, "epochs"},
		{"pos bad dropout", []string{"train", "pos", "--train", conll, "--dev", conll, "--out", out, "--dropout", "1"}, 2, "dropout"},
		{"pos bad clusters", []string{"train", "pos", "--quiet", "--train", conll, "--dev", conll, "--out", out, "--clusters", prose}, 1, "bit string"},
		{"chunk bad pos model", []string{"train", "chunk", "--train", conll, "--dev", conll, "--out", out, "--pos-model", prose}, 1, "not a newsgraph syntax model"},
		{"chunk stray argument", []string{"train", "chunk", "--train", conll, "--dev", conll, "--out", out, "extra"}, 2, "unexpected argument"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			code, stdout, errOut := run(t, "", tt.args...)
			if code != tt.code || stdout != "" || !strings.Contains(errOut, tt.msg) || strings.Count(errOut, "\n") != 1 {
				t.Errorf("exit %d (want %d), stdout %q, stderr %q (want one line containing %q)", code, tt.code, stdout, errOut, tt.msg)
			}
		})
	}
	for _, args := range [][]string{{"train", "pos", "--help"}, {"train", "chunk", "--help"}} {
		if code, stdout, _ := run(t, "", args...); code != 0 || !strings.HasPrefix(stdout, "usage: newsgraph ") {
			t.Errorf("%v: exit %d, stdout %q", args, code, stdout)
		}
	}
}
