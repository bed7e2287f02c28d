// Command gen writes the lemma package's embedded table, wordnet.txt.gz, from WordNet 3.0 as
// Debian's wordnet-base installs it (apt-get install -y wordnet-base), and copies WordNet's licence
// notice beside it. It is run by `go generate ./internal/extract/lemma`; CI never runs it, the
// generated files are committed.
//
// It reads, under -wordnet (default /usr/share/wordnet):
//
//	index.noun index.verb index.adj index.adv   the base forms of each part of speech
//	noun.exc verb.exc adj.exc adv.exc           the irregular inflections ("went go")
//	data.verb                                   verb synsets and their antonym pointers
//
// and keeps single words only (WordNet's collocations, written with "_", are left out: the lemma
// package lemmatises tokens). The output is gzip'ed text in sections, one entry a line:
//
//	@words                 every base form, sorted, front-coded: a hex digit, the bit set of its parts
//	                       of speech (1 noun, 2 verb, 4 adj, 8 adv), a digit, how many leading bytes
//	                       it shares with the previous word (at most 9), then the rest of the word
//	@exc noun|verb|adj|adv "inflected base": the first base form of each exception-list line
//	                       (lines whose first base form is the inflected form itself are left out)
//	@synsets verb          the single-word members of each verb synset that has two or more
//	@antonyms verb         "a b": verb a is WordNet's antonym of verb b (each pair once, a < b)
//
// The output is deterministic: the same WordNet gives the same text.
package main

import (
	"bufio"
	"compress/gzip"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
)

// parts lists WordNet's file suffixes in the order of the lemma package's POS bits.
var parts = []string{"noun", "verb", "adj", "adv"}

// maxShared is the longest prefix the front coding shares (one decimal digit).
const maxShared = 9

func main() {
	dir := flag.String("wordnet", "/usr/share/wordnet", "WordNet 3.0 database `dir` (Debian's wordnet-base)")
	out := flag.String("out", "wordnet.txt.gz", "table to write")
	notice := flag.String("copyright", "/usr/share/doc/wordnet-base/copyright", "WordNet's licence notice to copy")
	licence := flag.String("license", "LICENSE-WordNet", "where to copy the licence notice")
	flag.Parse()
	if err := run(*dir, *out, *notice, *licence); err != nil {
		fmt.Fprintln(os.Stderr, "lemma gen:", err)
		os.Exit(1)
	}
}

// run reads WordNet from dir, writes the gzip'ed table to out and copies the notice to licence.
func run(dir, out, notice, licence string) error {
	var text strings.Builder
	if err := writeTable(&text, dir); err != nil {
		return fmt.Errorf("%w (install Debian's wordnet-base: apt-get install -y wordnet-base)", err)
	}
	if err := writeGzip(out, text.String()); err != nil {
		return err
	}
	b, err := os.ReadFile(notice)
	if err != nil {
		return fmt.Errorf("read licence notice: %w", err)
	}
	if err := os.WriteFile(licence, b, 0o644); err != nil {
		return fmt.Errorf("write licence notice: %w", err)
	}
	return nil
}

// writeTable writes the table's text (before compression) from the WordNet database in dir.
func writeTable(w io.Writer, dir string) error {
	fmt.Fprintln(w, "# lemma table from WordNet 3.0 (Debian wordnet-base), written by internal/extract/lemma/gen; see LICENSE-WordNet")
	masks := map[string]uint8{}
	for i, p := range parts {
		if err := readIndex(filepath.Join(dir, "index."+p), uint8(1)<<i, masks); err != nil {
			return err
		}
	}
	writeWords(w, masks)
	for _, p := range parts {
		exc, err := readExceptions(filepath.Join(dir, p+".exc"))
		if err != nil {
			return err
		}
		fmt.Fprintln(w, "@exc", p)
		for _, line := range exc {
			fmt.Fprintln(w, line)
		}
	}
	synsets, antonyms, err := readVerbData(filepath.Join(dir, "data.verb"))
	if err != nil {
		return err
	}
	fmt.Fprintln(w, "@synsets verb")
	for _, s := range synsets {
		fmt.Fprintln(w, s)
	}
	fmt.Fprintln(w, "@antonyms verb")
	for _, a := range antonyms {
		fmt.Fprintln(w, a)
	}
	return nil
}

// readIndex adds bit to masks[word] for every single-word lemma of a WordNet index file.
func readIndex(path string, bit uint8, masks map[string]uint8) error {
	return eachLine(path, func(line string) error {
		if strings.HasPrefix(line, " ") { // the licence header
			return nil
		}
		word, _, ok := strings.Cut(line, " ")
		if !ok {
			return errors.New("no fields")
		}
		if singleWord(word) {
			masks[strings.ToLower(word)] |= bit
		}
		return nil
	})
}

// writeWords writes the @words section: the words sorted and front-coded with their masks.
func writeWords(w io.Writer, masks map[string]uint8) {
	words := make([]string, 0, len(masks))
	for word := range masks {
		words = append(words, word)
	}
	sort.Strings(words)
	fmt.Fprintln(w, "@words")
	prev := ""
	for _, word := range words {
		k := 0
		for k < maxShared && k < len(word) && k < len(prev) && word[k] == prev[k] {
			k++
		}
		fmt.Fprintf(w, "%x%d%s\n", masks[word], k, word[k:])
		prev = word
	}
}

// readExceptions returns "inflected base" for each single-word line of an exception list whose
// first base form differs from the inflected form, in the file's (sorted) order.
func readExceptions(path string) ([]string, error) {
	var lines []string
	err := eachLine(path, func(line string) error {
		f := strings.Fields(line)
		if len(f) < 2 {
			return errors.New("want an inflected form and a base form")
		}
		if singleWord(f[0]) && singleWord(f[1]) && f[0] != f[1] {
			lines = append(lines, f[0]+" "+f[1])
		}
		return nil
	})
	return lines, err
}

// readVerbData returns the verb synsets with two or more single-word members and the
// single-word antonym pairs of data.verb.
func readVerbData(path string) (synsets, antonyms []string, err error) {
	members := map[string][]string{} // synset offset -> its words, in WordNet's order
	type pointer struct{ from, to string }
	var pointers []pointer // antonym pointers, "offset.word-number"
	err = eachLine(path, func(line string) error {
		if strings.HasPrefix(line, " ") {
			return nil
		}
		offset, words, ants, err := parseSynset(line)
		if err != nil {
			return err
		}
		members[offset] = words
		for _, a := range ants {
			pointers = append(pointers, pointer{a[0], a[1]})
		}
		if s := distinctSingle(words); len(s) >= 2 {
			synsets = append(synsets, strings.Join(s, " "))
		}
		return nil
	})
	if err != nil {
		return nil, nil, err
	}
	seen := map[string]bool{}
	for _, p := range pointers {
		a, b := wordAt(members, p.from), wordAt(members, p.to)
		if a == "" || b == "" || a == b {
			continue
		}
		if b < a {
			a, b = b, a
		}
		if pair := a + " " + b; !seen[pair] {
			seen[pair] = true
			antonyms = append(antonyms, pair)
		}
	}
	sort.Strings(antonyms)
	return synsets, antonyms, nil
}

// parseSynset reads one data.verb line: its offset, its words (lower-cased) and its antonym
// pointers as pairs of "offset.word-number" (source, target).
func parseSynset(line string) (offset string, words []string, antonyms [][2]string, err error) {
	f := strings.Fields(line)
	if len(f) < 4 {
		return "", nil, nil, errors.New("short synset line")
	}
	offset = f[0]
	n, err := strconv.ParseUint(f[3], 16, 16)
	if err != nil || len(f) < 5+2*int(n) {
		return "", nil, nil, fmt.Errorf("synset %s: bad word count %q", offset, f[3])
	}
	for i := 0; i < int(n); i++ {
		words = append(words, strings.ToLower(f[4+2*i]))
	}
	i := 4 + 2*int(n)
	np, err := strconv.Atoi(f[i])
	if err != nil || len(f) < i+1+4*np {
		return "", nil, nil, fmt.Errorf("synset %s: bad pointer count %q", offset, f[i])
	}
	for j := 0; j < np; j++ {
		p := f[i+1+4*j : i+5+4*j] // symbol, target offset, pos, source/target word numbers
		if p[0] != "!" || len(p[3]) != 4 {
			continue
		}
		src, _ := strconv.ParseUint(p[3][:2], 16, 8)
		dst, _ := strconv.ParseUint(p[3][2:], 16, 8)
		antonyms = append(antonyms, [2]string{fmt.Sprintf("%s.%d", offset, src), fmt.Sprintf("%s.%d", p[1], dst)})
	}
	return offset, words, antonyms, nil
}

// wordAt returns the single word that "offset.n" names (n counts from 1), or "" when it is a
// collocation or does not exist.
func wordAt(members map[string][]string, ref string) string {
	offset, num, _ := strings.Cut(ref, ".")
	n, err := strconv.Atoi(num)
	words := members[offset]
	if err != nil || n < 1 || n > len(words) || !singleWord(words[n-1]) {
		return ""
	}
	return words[n-1]
}

// distinctSingle returns the single words of words, each once, in their order.
func distinctSingle(words []string) []string {
	var out []string
	for _, w := range words {
		if singleWord(w) && !contains(out, w) {
			out = append(out, w)
		}
	}
	return out
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// singleWord reports whether a WordNet lemma is one word (collocations join words with "_").
func singleWord(lemma string) bool { return lemma != "" && !strings.Contains(lemma, "_") }

// eachLine calls fn on every line of the file at path; errors name the file and line.
func eachLine(path string, fn func(string) error) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	for n := 1; sc.Scan(); n++ {
		if err := fn(sc.Text()); err != nil {
			return fmt.Errorf("%s:%d: %w", path, n, err)
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("read %s: %w", path, err)
	}
	return nil
}

// writeGzip writes text to path, gzip'ed at the best compression, with no time stamp or name in
// the header so that the file depends on its text only.
func writeGzip(path, text string) error {
	f, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("write table: %w", err)
	}
	zw, err := gzip.NewWriterLevel(f, gzip.BestCompression)
	if err != nil {
		f.Close()
		return err
	}
	if _, err := io.WriteString(zw, text); err != nil {
		f.Close()
		return fmt.Errorf("write table: %w", err)
	}
	if err := zw.Close(); err != nil {
		f.Close()
		return fmt.Errorf("write table: %w", err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("write table: %w", err)
	}
	return nil
}
