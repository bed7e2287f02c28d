package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestNERCommand(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in.conll")
	text := "-DOCSTART- -X- -X- O\n\nChaudhry NNP I-NP I-PER\nNisar NNP I-NP I-PER\nvisited VBD I-VP O\nWashington NNP I-NP I-LOC\n. . O O\n"
	if err := os.WriteFile(in, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := run(t, "", "ner", "--conll", in)
	if code != 0 {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
	want := "-DOCSTART- -X- -X- O\n\nChaudhry NNP I-NP I-PER B-PER\nNisar NNP I-NP I-PER I-PER\nvisited VBD I-VP O O\nWashington NNP I-NP I-LOC B-LOC\n. . O O O\n"
	if out != want {
		t.Errorf("got\n%s\nwant\n%s", out, want)
	}
}

func TestNERCommandStdin(t *testing.T) {
	code, out, errOut := run(t, "Paris NNP\n", "ner", "--conll", "-")
	if code != 0 || out != "Paris NNP B-LOC\n" {
		t.Errorf("exit %d, stdout %q, stderr %q; want 0, %q", code, out, errOut, "Paris NNP B-LOC\n")
	}
}

func TestNERCommandErrors(t *testing.T) {
	dir := t.TempDir()
	prose := filepath.Join(dir, "prose.txt")
	if err := os.WriteFile(prose, []byte("This is prose.\nIt has lines of many different lengths, not columns.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	badModel := filepath.Join(dir, "model.gz")
	if err := os.WriteFile(badModel, []byte("not a model"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		args []string
		code int
		msg  string
	}{
		{"missing file", []string{"ner", "--conll", filepath.Join(dir, "nope.conll")}, 1, "no such file"},
		{"directory", []string{"ner", "--conll", dir}, 1, "directory"},
		{"not CoNLL", []string{"ner", "--conll", prose}, 1, "not a CoNLL file"},
		{"bad model", []string{"ner", "--model", badModel, "--conll", prose}, 1, "not a newsgraph NER model"},
		{"no --conll", []string{"ner"}, 2, "--conll FILE is required"},
		{"stray argument", []string{"ner", "--conll", prose, "extra"}, 2, "unexpected argument"},
		{"unknown flag", []string{"ner", "--nope"}, 2, "not defined"},
		{"train without model", []string{"train"}, 2, "name the model"},
		{"train unknown model", []string{"train", "tree"}, 2, "unknown model"},
		{"train ner missing flags", []string{"train", "ner", "--train", prose}, 2, "required"},
		{"train ner missing file", []string{"train", "ner", "--train", filepath.Join(dir, "nope"), "--dev", prose, "--out", filepath.Join(dir, "m.gz")}, 1, "no such file"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errOut := run(t, "", tt.args...)
			if code != tt.code {
				t.Errorf("exit %d, want %d (stderr %q)", code, tt.code, errOut)
			}
			if out != "" {
				t.Errorf("stdout %q, want nothing", out)
			}
			if !strings.Contains(errOut, tt.msg) || strings.Count(errOut, "\n") != 1 {
				t.Errorf("stderr %q, want one line containing %q", errOut, tt.msg)
			}
		})
	}
}

func TestNERAndTrainHelp(t *testing.T) {
	for _, args := range [][]string{{"ner", "--help"}, {"train", "--help"}, {"train", "ner", "--help"}} {
		code, out, _ := run(t, "", args...)
		if code != 0 || !strings.HasPrefix(out, "usage: newsgraph ") {
			t.Errorf("%v: exit %d, stdout %q", args, code, out)
		}
	}
}

// TestNERCommandGazetteer checks that ner finds the GeoNames index where
// setup put it ($NEWSGRAPH_DATA, as the scoreboard runs it) and says when
// there is none.
func TestNERCommandGazetteer(t *testing.T) {
	in := "LONDON NNP\n1996-08-30 CD\n\nHe PRP\nflew VBD\nto TO\nKarachi NNP\n. .\n"
	t.Setenv("NEWSGRAPH_DATA", t.TempDir())
	code, out, errOut := run(t, in, "ner", "--conll", "-")
	if code != 0 || !strings.Contains(errOut, "without place names") || !strings.Contains(out, "Karachi NNP B-LOC") {
		t.Errorf("without an index: exit %d, stdout %q, stderr %q", code, out, errOut)
	}
	mustSetupData(t)
	code, out, errOut = run(t, in, "ner", "--conll", "-")
	if code != 0 || errOut != "" {
		t.Fatalf("with the index: exit %d, stderr %q", code, errOut)
	}
	for _, want := range []string{"LONDON NNP B-LOC", "Karachi NNP B-LOC"} {
		if !strings.Contains(out, want) {
			t.Errorf("with the index: no %q in %q", want, out)
		}
	}
}
