package syntax

import (
	"bufio"
	"compress/gzip"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/newsgraph/newsgraph/internal/extract/featurehash"
)

// The model file is gzip-compressed:
//
//	magic "newsgraph-syntax\x00", version uint32
//	meta: uint32 length, JSON (Meta)
//	rows uint32, keys [rows]uint64 (ascending), counts [rows]uint8
//	entries uint32, tags [entries]uint8, weights [entries]int16
//	lexicon: n uint32, keys [n]uint64 (ascending), classes [n]uint64, freq [n]uint8,
//	         WordNet parts [n]uint8 (from version 2)
//	word classes: paths uint32 length, the bit strings joined by "\n";
//	              n uint32, keys [n]uint64 (ascending), classes [n]uint16
//
// all little-endian. The same model gives the same bytes.
const (
	fileMagic   = "newsgraph-syntax\x00"
	fileVersion = 2
	// maxFileItems bounds every count read from a file, so that a corrupt
	// file cannot ask for unbounded memory.
	maxFileItems = 1 << 26
)

var errBadModel = errors.New("not a newsgraph syntax model")

// Save writes m to w.
func (m *Model) Save(w io.Writer) error {
	zw, err := gzip.NewWriterLevel(w, gzip.DefaultCompression)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(zw)
	meta, err := json.Marshal(m.meta)
	if err != nil {
		return err
	}
	le := binary.LittleEndian
	put := func(v any) {
		if err == nil {
			err = binary.Write(bw, le, v)
		}
	}
	bw.WriteString(fileMagic)
	put(uint32(fileVersion))
	put(uint32(len(meta)))
	bw.Write(meta)
	put(uint32(len(m.keys)))
	put(m.keys)
	put(m.counts)
	tags := make([]uint8, len(m.entries))
	weights := make([]int16, len(m.entries))
	for i, e := range m.entries {
		tags[i], weights[i] = uint8(e>>16), int16(uint16(e))
	}
	put(uint32(len(m.entries)))
	put(tags)
	put(weights)

	lk := featurehash.SortedKeys(m.lex)
	amb := make([]uint64, len(lk))
	freq := make([]uint8, len(lk))
	wn := make([]uint8, len(lk))
	for i, k := range lk {
		amb[i], freq[i], wn[i] = m.lex[k].amb, m.lex[k].freq, m.lex[k].wn
	}
	put(uint32(len(lk)))
	put(lk)
	put(amb)
	put(freq)
	put(wn)

	var paths string
	var ck []uint64
	var cv []uint16
	if m.cl != nil {
		paths = strings.Join(m.cl.paths, "\n")
		ck = featurehash.SortedKeys(m.cl.byWord)
		cv = make([]uint16, len(ck))
		for i, k := range ck {
			cv[i] = m.cl.byWord[k]
		}
	}
	put(uint32(len(paths)))
	bw.WriteString(paths)
	put(uint32(len(ck)))
	put(ck)
	put(cv)
	if err != nil {
		return err
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	return zw.Close()
}

// reader reads the little-endian parts of a model file, keeping the first
// error.
type reader struct {
	r   io.Reader
	err error
}

func (r *reader) get(v any) {
	if r.err == nil {
		r.err = binary.Read(r.r, binary.LittleEndian, v)
	}
}

// count reads a count and checks it against maxFileItems.
func (r *reader) count(what string) int {
	var n uint32
	r.get(&n)
	if r.err == nil && n > maxFileItems {
		r.err = fmt.Errorf("%s count %d is too large", what, n)
	}
	return int(n)
}

// Load reads a model written by Save.
func Load(in io.Reader) (*Model, error) {
	zr, err := gzip.NewReader(in)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", errBadModel, err)
	}
	r := &reader{r: bufio.NewReaderSize(zr, 1<<20)}
	magic := make([]byte, len(fileMagic))
	if _, err := io.ReadFull(r.r, magic); err != nil || string(magic) != fileMagic {
		return nil, errBadModel
	}
	var version uint32
	r.get(&version)
	if r.err == nil && (version < 1 || version > fileVersion) {
		return nil, fmt.Errorf("%w: version %d, want 1 to %d", errBadModel, version, fileVersion)
	}
	m := &Model{}
	meta := make([]byte, r.count("meta"))
	r.get(meta)
	if r.err == nil {
		if err := json.Unmarshal(meta, &m.meta); err != nil {
			return nil, fmt.Errorf("%w: metadata: %v", errBadModel, err)
		}
	}
	rows := r.count("row")
	m.keys = make([]uint64, rows)
	m.counts = make([]uint8, rows)
	r.get(m.keys)
	r.get(m.counts)
	n := r.count("weight")
	tags := make([]uint8, n)
	weights := make([]int16, n)
	r.get(tags)
	r.get(weights)
	m.entries = make([]uint32, n)
	for i := range m.entries {
		m.entries[i] = uint32(tags[i])<<16 | uint32(uint16(weights[i]))
	}
	m.lex = readLexicon(r, version)
	m.cl = readClusterTable(r)
	if r.err != nil {
		return nil, fmt.Errorf("%w: truncated or corrupt: %v", errBadModel, r.err)
	}
	if err := m.build(); err != nil {
		return nil, fmt.Errorf("%w: %v", errBadModel, err)
	}
	return m, nil
}

// readLexicon reads the lexicon of a file of the given version (version 1
// has no WordNet parts).
func readLexicon(r *reader, version uint32) lexicon {
	n := r.count("lexicon")
	keys := make([]uint64, n)
	amb := make([]uint64, n)
	freq := make([]uint8, n)
	wn := make([]uint8, n)
	r.get(keys)
	r.get(amb)
	r.get(freq)
	if version >= 2 {
		r.get(wn)
	}
	if r.err != nil || n == 0 {
		return nil
	}
	lex := make(lexicon, n)
	for i, k := range keys {
		lex[k] = lexEntry{amb: amb[i], freq: freq[i], wn: wn[i]}
	}
	return lex
}

func readClusterTable(r *reader) *clusters {
	paths := make([]byte, r.count("class path bytes"))
	r.get(paths)
	n := r.count("class")
	keys := make([]uint64, n)
	ids := make([]uint16, n)
	r.get(keys)
	r.get(ids)
	if r.err != nil || n == 0 {
		return nil
	}
	p := strings.Split(string(paths), "\n")
	byWord := make(map[uint64]uint16, n)
	for i, k := range keys {
		if int(ids[i]) >= len(p) {
			r.err = fmt.Errorf("word class %d of %d", ids[i], len(p))
			return nil
		}
		byWord[k] = ids[i]
	}
	return newClusters(byWord, p)
}

// LoadFile reads a model written by `newsgraph train pos` or `newsgraph
// train chunk`.
func LoadFile(path string) (*Model, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	m, err := Load(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return m, nil
}

// SaveFile writes m to path.
func (m *Model) SaveFile(path string) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := m.Save(f); err != nil {
		f.Close()
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}
