package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite golden files")

const seedArticle = "../../../shared/examples/seed/article.txt"

// run runs newsgraph in-process and returns exit status, stdout, stderr.
func run(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	env := &environment{stdin: strings.NewReader(stdin), stdout: &out, stderr: &errOut}
	code := runMain(env, args)
	return code, out.String(), errOut.String()
}

func needSeed(t *testing.T) {
	t.Helper()
	if _, err := os.Stat(seedArticle); err != nil {
		t.Skipf("reference article not found: %v", err)
	}
}

// contractDoc is the part of the contract the tests read.
type contractDoc struct {
	Schema    string `json:"schema"`
	ID        string `json:"id"`
	Text      string `json:"text"`
	Published *string
	URL       *string
	Sentences []struct{ Start, End int } `json:"sentences"`
	Entities  []struct {
		Mentions []struct {
			Start, End int
			Text       string
		}
	}
}

func decodeDoc(t *testing.T, line string) contractDoc {
	t.Helper()
	var d contractDoc
	if err := json.Unmarshal([]byte(line), &d); err != nil {
		t.Fatalf("output is not JSON: %v\n%s", err, line)
	}
	return d
}

func TestExtractReferenceArticle(t *testing.T) {
	needSeed(t)
	code, out, errOut := run(t, "", "extract", seedArticle)
	if code != 0 {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
	d := decodeDoc(t, out)
	if d.Schema != "newsgraph/article/v1" || len(d.ID) != 64 {
		t.Errorf("schema %q id %q", d.Schema, d.ID)
	}
	for _, junk := range []string{"No comments", "Post a Comment"} {
		if strings.Contains(d.Text, junk) {
			t.Errorf("text keeps boilerplate %q", junk)
		}
	}
	if !strings.HasSuffix(d.Text, "receiving funds through the United States.") {
		t.Errorf("text does not end with the article's last sentence: …%q", d.Text[max(0, len(d.Text)-60):])
	}
	if len(d.Sentences) != 19 {
		t.Errorf("got %d sentences, want 19", len(d.Sentences))
	}
	runes := []rune(d.Text)
	for i, s := range d.Sentences {
		if s.Start < 0 || s.End > len(runes) || s.Start >= s.End {
			t.Fatalf("sentence %d span [%d,%d) invalid", i, s.Start, s.End)
		}
		if got := string(runes[s.Start:s.End]); strings.TrimSpace(got) != got || got == "" {
			t.Errorf("sentence %d %q is not trimmed", i, got)
		}
	}
	for _, e := range d.Entities {
		for _, m := range e.Mentions {
			if got := string(runes[m.Start:m.End]); got != m.Text {
				t.Errorf("mention text %q but text[%d:%d] = %q", m.Text, m.Start, m.End, got)
			}
		}
	}
}

// TestExtractGolden compares the whole document for the reference article
// with testdata/seed.golden. Run `go test ./cmd/newsgraph -run Golden
// -update` after an intended change and review the diff.
func TestExtractGolden(t *testing.T) {
	needSeed(t)
	code, out, errOut := run(t, "", "extract", "--pretty", "--published", "2015-02-19", seedArticle)
	if code != 0 {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
	golden := filepath.Join("testdata", "seed.golden")
	if *update {
		if err := os.WriteFile(golden, []byte(out), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if out != string(want) {
		t.Errorf("output differs from %s; run with -update if intended.\n%s", golden, firstDiff(out, string(want)))
	}
	// Deterministic: a second run gives the same bytes.
	if _, again, _ := run(t, "", "extract", "--pretty", "--published", "2015-02-19", seedArticle); again != out {
		t.Errorf("second run differs from first")
	}
}

func firstDiff(got, want string) string {
	g, w := strings.Split(got, "\n"), strings.Split(want, "\n")
	for i := 0; i < len(g) && i < len(w); i++ {
		if g[i] != w[i] {
			return "line " + itoa(i+1) + ":\n got " + g[i] + "\nwant " + w[i]
		}
	}
	return "lengths differ: got " + itoa(len(g)) + " lines, want " + itoa(len(w))
}

func itoa(n int) string { b, _ := json.Marshal(n); return string(b) }

func TestExtractFlagsAndStdin(t *testing.T) {
	code, out, errOut := run(t, "Police arrested two men in Quetta on Monday. They were released.",
		"extract", "--published", "2015-02-19", "--url", "https://example.com/a", "-")
	if code != 0 {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
	d := decodeDoc(t, out)
	if d.Published == nil || *d.Published != "2015-02-19" || d.URL == nil || *d.URL != "https://example.com/a" {
		t.Errorf("published %v url %v", d.Published, d.URL)
	}
	if len(d.Sentences) != 2 {
		t.Errorf("got %d sentences, want 2", len(d.Sentences))
	}
}

func writeFile(t *testing.T, dir, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestExtractBadInput(t *testing.T) {
	dir := t.TempDir()
	good := writeFile(t, dir, "good.txt", []byte("The minister resigned on Friday. His deputy took over."))
	cases := []struct {
		name string
		args []string
		code int
		want string // in the one stderr line
	}{
		{"empty file", []string{writeFile(t, dir, "empty.txt", nil)}, 1, "empty"},
		{"whitespace only", []string{writeFile(t, dir, "blank.txt", []byte(" \n\t\n"))}, 1, "empty"},
		{"binary", []string{writeFile(t, dir, "img.png", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00"))}, 1, "binary"},
		{"directory", []string{dir}, 1, "directory"},
		{"missing", []string{filepath.Join(dir, "nope.txt")}, 1, "no such file"},
		{"too large", []string{"--max-bytes", "10", good}, 1, "too large"},
		{"invalid utf-8", []string{writeFile(t, dir, "bad.txt", []byte("Caf\xc3\xa9 au lait, na\xc3ve \xe2\x80 text."))}, 1, "UTF-8"},
		{"no file", nil, 2, "FILE"},
		{"bad date", []string{"--published", "19/02/2015", good}, 2, "date"},
		{"unknown flag", []string{"--nope", good}, 2, "nope"},
		{"url with two files", []string{"--url", "http://x", good, good}, 2, "one FILE"},
		{"bad format", []string{"--format", "xml", good}, 2, "format"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			code, out, errOut := run(t, "", append([]string{"extract"}, tc.args...)...)
			if code != tc.code {
				t.Errorf("exit %d, want %d (stderr %q)", code, tc.code, errOut)
			}
			if out != "" {
				t.Errorf("stdout %q, want nothing", out)
			}
			lines := strings.Split(strings.TrimSpace(errOut), "\n")
			if len(lines) != 1 || !strings.Contains(lines[0], tc.want) {
				t.Errorf("stderr %q, want one line containing %q", errOut, tc.want)
			}
			if strings.Contains(errOut, "goroutine") || strings.Contains(errOut, "panic") {
				t.Errorf("stack trace on stderr: %q", errOut)
			}
		})
	}
}

func TestExtractSeveralFilesKeepsGoing(t *testing.T) {
	dir := t.TempDir()
	a := writeFile(t, dir, "a.txt", []byte("The first article. It is short."))
	bad := writeFile(t, dir, "bad.txt", nil)
	b := writeFile(t, dir, "b.txt", []byte("The second article has one sentence."))
	code, out, errOut := run(t, "", "extract", a, bad, b)
	if code != 1 {
		t.Errorf("exit %d, want 1 when one input fails", code)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 3 {
		t.Fatalf("got %d output lines, want 3 (one per input):\n%s", len(lines), out)
	}
	if d := decodeDoc(t, lines[0]); !strings.HasPrefix(d.Text, "The first") {
		t.Errorf("line 1 is not a.txt: %q", d.Text)
	}
	if !strings.Contains(lines[1], `"newsgraph/error/v1"`) {
		t.Errorf("line 2 is not an error record: %s", lines[1])
	}
	if d := decodeDoc(t, lines[2]); !strings.HasPrefix(d.Text, "The second") {
		t.Errorf("line 3 is not b.txt: %q", d.Text)
	}
	if !strings.Contains(errOut, "bad.txt") || !strings.Contains(errOut, "1 of 3 inputs failed") {
		t.Errorf("stderr %q does not name the failed input and the count", errOut)
	}
}

func TestHelpAndVersion(t *testing.T) {
	if code, out, _ := run(t, "", "version"); code != 0 || !strings.HasPrefix(out, "newsgraph ") {
		t.Errorf("version: exit %d out %q", code, out)
	}
	if code, out, _ := run(t, "", "help"); code != 0 || !strings.Contains(out, "extract") {
		t.Errorf("help: exit %d out %q", code, out)
	}
	if code, _, errOut := run(t, ""); code != 2 || !strings.Contains(errOut, "usage") {
		t.Errorf("no command: exit %d stderr %q", code, errOut)
	}
	if code, _, errOut := run(t, "", "frobnicate"); code != 2 || !strings.Contains(errOut, "unknown command") {
		t.Errorf("unknown command: exit %d stderr %q", code, errOut)
	}
	for _, c := range commands() {
		t.Run(c.name+" --help", func(t *testing.T) {
			code, out, errOut := run(t, "", c.name, "--help")
			if code != 0 || !strings.HasPrefix(out, "usage: newsgraph "+c.name) {
				t.Errorf("exit %d, out %q, stderr %q", code, out, errOut)
			}
		})
	}
}
