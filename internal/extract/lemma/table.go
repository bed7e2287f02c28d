package lemma

import (
	"bytes"
	"compress/gzip"
	_ "embed"
	"fmt"
	"io"
	"strconv"
	"strings"
	"sync"
)

//go:embed wordnet.txt.gz
var tableGz []byte

// form is what the table knows of one lower-case word.
type form struct {
	lemma  [numPOS]int32 // per part of speech, 1 + the index in table.bases of morphy's answer; 0: none
	self   int32         // 1 + the word's own index in table.bases when WordNet lists it; 0: not listed
	listed uint8         // the parts of speech WordNet lists the word under (bits of POS.bit)
}

// table is the parsed wordnet.txt.gz (its format is documented in gen/main.go) with morphy's
// answer precomputed for every word that an exception or a rule of detachment maps to a listed
// base form, so that a lemma costs one map lookup.
type table struct {
	bases    []string               // WordNet's base forms, then exception bases it does not list
	forms    map[string]form        // listed words and every inflection morphy can resolve
	synsets  map[string][]int32     // verb -> the verb synsets it is a member of
	antonyms map[[2]string]struct{} // verb antonym pairs, the smaller word first
	counts   map[string]int         // entries per section of the file, for tests and diagnostics
}

// raw holds the file's sections as read, before the forms are computed.
type raw struct {
	words []string            // sorted base forms
	masks []uint8             // their parts of speech
	exc   [numPOS][][2]string // inflected form, base form
}

var (
	loadOnce sync.Once
	loaded   *table
)

// get returns the embedded table, reading it on first use. The table is committed and tested, so
// a table that does not parse is a broken build: get panics with the reason.
func get() *table {
	loadOnce.Do(func() {
		t, err := parseTable(tableGz)
		if err != nil {
			panic(fmt.Sprintf("lemma: embedded wordnet.txt.gz: %v", err))
		}
		loaded = t
	})
	return loaded
}

// parseTable reads the gzip'ed table.
func parseTable(gz []byte) (*table, error) {
	zr, err := gzip.NewReader(bytes.NewReader(gz))
	if err != nil {
		return nil, fmt.Errorf("gunzip: %w", err)
	}
	text, err := io.ReadAll(zr)
	if err != nil {
		return nil, fmt.Errorf("gunzip: %w", err)
	}
	return parseText(string(text))
}

// parseText reads the table's text and computes the forms.
func parseText(text string) (*table, error) {
	t, r, err := readText(text)
	if err != nil {
		return nil, err
	}
	t.build(r)
	return t, nil
}

// readText reads the table's text: sections headed by "@name", one entry a line.
func readText(text string) (*table, *raw, error) {
	t := &table{synsets: map[string][]int32{}, antonyms: map[[2]string]struct{}{}, counts: map[string]int{}}
	r := &raw{}
	var words strings.Builder // all base forms, one after the other
	var ends []int            // where each ends in words
	var prev []byte           // the previous base form (front coding)
	section := ""
	for n := 1; text != ""; n++ {
		var line string
		line, text, _ = strings.Cut(text, "\n")
		switch {
		case line == "" || line[0] == '#':
			continue
		case line[0] == '@':
			section = line[1:]
			continue
		case section == "words":
			var err error
			if prev, err = frontDecoded(line, prev, r); err != nil {
				return nil, nil, fmt.Errorf("line %d (words): %w", n, err)
			}
			words.Write(prev)
			ends = append(ends, words.Len())
		default:
			if err := t.addRelation(section, line, r); err != nil {
				return nil, nil, fmt.Errorf("line %d (%s): %w", n, section, err)
			}
		}
		t.counts[section]++
	}
	if len(ends) == 0 || len(r.exc[Verb-1]) == 0 {
		return nil, nil, fmt.Errorf("no words or no verb exceptions")
	}
	all, start := words.String(), 0
	for _, end := range ends {
		r.words = append(r.words, all[start:end])
		start = end
	}
	return t, r, nil
}

// frontDecoded reads a front-coded @words line (the hex POS bit set, the count of bytes shared
// with prev, the rest of the word), appends the bit set to r.masks and returns the word.
func frontDecoded(line string, prev []byte, r *raw) ([]byte, error) {
	if len(line) < 3 {
		return prev, fmt.Errorf("short word line %q", line)
	}
	mask, err := strconv.ParseUint(line[:1], 16, 8)
	shared := int(line[1]) - '0'
	if err != nil || mask == 0 || shared < 0 || shared > 9 || shared > len(prev) {
		return prev, fmt.Errorf("bad word line %q", line)
	}
	r.masks = append(r.masks, uint8(mask))
	return append(prev[:shared], line[2:]...), nil
}

// addRelation reads one line of an exception list, the verb synsets or the verb antonyms.
func (t *table) addRelation(section, line string, r *raw) error {
	switch section {
	case "exc noun", "exc verb", "exc adj", "exc adv":
		p := posNames[section[len("exc "):]]
		inflected, base, ok := strings.Cut(line, " ")
		if !ok || base == "" {
			return fmt.Errorf("want %q", "inflected base")
		}
		r.exc[p-1] = append(r.exc[p-1], [2]string{strings.Clone(inflected), strings.Clone(base)})
	case "synsets verb":
		id := int32(t.counts[section])
		for _, w := range strings.Fields(line) {
			t.synsets[strings.Clone(w)] = append(t.synsets[w], id)
		}
	case "antonyms verb":
		a, b, ok := strings.Cut(line, " ")
		if !ok || b == "" {
			return fmt.Errorf("want %q", "verb verb")
		}
		t.antonyms[pair(strings.Clone(a), strings.Clone(b))] = struct{}{}
	default:
		return fmt.Errorf("unknown section")
	}
	return nil
}

// pair orders two words so that a pair has one key whichever way it is asked.
func pair(a, b string) [2]string {
	if b < a {
		a, b = b, a
	}
	return [2]string{a, b}
}
