package ner

import (
	"bufio"
	"compress/gzip"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"

	"github.com/newsgraph/newsgraph/internal/extract/featurehash"
)

// The model file is gzip-compressed:
//
//	magic "newsgraph-ner\x00" version uint32
//	meta: uint32 length, JSON
//	rows uint32, keys [rows]uint64
//	per stage: scale float32, weights [rows*numTags]int16, transitions [(numTags+2)*numTags]float32
//	lexicon: n uint32, keys [n]uint64 (sorted), classes [n]uint8
//	word classes by word, then by lowercased word: n uint32, keys [n]uint64 (sorted), fine<<16|coarse [n]uint32
//
// all little-endian. Weights are quantised to int16 (scale*value); rows whose
// weights are all zero are dropped when saving.
const (
	fileMagic   = "newsgraph-ner\x00"
	fileVersion = 2
)

var errBadModel = errors.New("not a newsgraph NER model")

// Save writes m to w.
func (m *Model) Save(w io.Writer) error {
	zw, err := gzip.NewWriterLevel(w, gzip.DefaultCompression)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(zw)
	q1, sc1 := quantise(m.stageWeights(0))
	q2, sc2 := quantise(m.stageWeights(1))
	var keep []int
	for r := range m.keys {
		if !allZero(q1[r*numTags:(r+1)*numTags]) || !allZero(q2[r*numTags:(r+1)*numTags]) {
			keep = append(keep, r)
		}
	}
	meta, err := json.Marshal(m.Meta)
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
	put(uint32(len(keep)))
	keys := make([]uint64, len(keep))
	for i, r := range keep {
		keys[i] = m.keys[r]
	}
	put(keys)
	for _, st := range []struct {
		q     []int16
		scale float32
		tr    *transitions
	}{{q1, sc1, &m.s1.tr}, {q2, sc2, &m.s2.tr}} {
		put(st.scale)
		rows := make([]int16, 0, len(keep)*numTags)
		for _, r := range keep {
			rows = append(rows, st.q[r*numTags:(r+1)*numTags]...)
		}
		put(rows)
		put(st.tr.start)
		put(st.tr.t)
		put(st.tr.end)
	}
	lk := featurehash.SortedKeys(m.lex)
	lc := make([]uint8, len(lk))
	for i, k := range lk {
		lc[i] = m.lex[k]
	}
	put(uint32(len(lk)))
	put(lk)
	put(lc)
	for _, cm := range m.clusterMaps() {
		ck := featurehash.SortedKeys(cm)
		cv := make([]uint32, len(ck))
		for i, k := range ck {
			cv[i] = cm[k]
		}
		put(uint32(len(ck)))
		put(ck)
		put(cv)
	}
	if err != nil {
		return err
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	return zw.Close()
}

func (m *Model) clusterMaps() [2]map[uint64]uint32 {
	if m.cl == nil {
		return [2]map[uint64]uint32{}
	}
	return [2]map[uint64]uint32{m.cl.byWord, m.cl.byLower}
}

func allZero(q []int16) bool {
	for _, v := range q {
		if v != 0 {
			return false
		}
	}
	return true
}

func quantise(w []float32) ([]int16, float32) {
	var mx float32
	for _, v := range w {
		mx = max(mx, float32(math.Abs(float64(v))))
	}
	if mx == 0 {
		return make([]int16, len(w)), 1
	}
	scale := 32767 / mx
	q := make([]int16, len(w))
	for i, v := range w {
		q[i] = int16(math.Round(float64(v * scale)))
	}
	return q, scale
}

// Load reads a model written by Save.
func Load(r io.Reader) (*Model, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", errBadModel, err)
	}
	mr := &modelReader{r: bufio.NewReaderSize(zr, 1<<16)}
	if magic := mr.next(len(fileMagic)); mr.err != nil || string(magic) != fileMagic {
		return nil, errBadModel
	}
	version := mr.u32()
	if mr.err == nil && version != fileVersion {
		return nil, fmt.Errorf("%w: version %d, want %d", errBadModel, version, fileVersion)
	}
	metaLen := mr.u32()
	if mr.err != nil || metaLen > 1<<20 {
		return nil, fmt.Errorf("%w: bad header", errBadModel)
	}
	m := &Model{}
	meta := mr.next(int(metaLen))
	if mr.err != nil {
		return nil, fmt.Errorf("%w: %v", errBadModel, mr.err)
	}
	if err := json.Unmarshal(meta, &m.Meta); err != nil {
		return nil, fmt.Errorf("%w: %v", errBadModel, err)
	}
	rows := mr.u32()
	if mr.err != nil || rows > 1<<26 {
		return nil, fmt.Errorf("%w: bad row count", errBadModel)
	}
	m.keys = mr.u64s(int(rows))
	m.w = make([]float32, int(rows)*rowWidth)
	for stage, st := range []*linear{&m.s1, &m.s2} {
		mr.weights(m.w, stage)
		mr.transitions(&st.tr)
	}
	if err := m.loadLexicon(mr); err != nil {
		return nil, err
	}
	m.prepare()
	return m, nil
}

// loadLexicon reads the case lexicon and the word classes of a model file.
func (m *Model) loadLexicon(mr *modelReader) error {
	nlex := mr.u32()
	if mr.err != nil || nlex > 1<<26 {
		return fmt.Errorf("%w: truncated or corrupt", errBadModel)
	}
	lk := mr.u64s(int(nlex))
	lc := slices.Clone(mr.next(int(nlex)))
	if mr.err != nil {
		return fmt.Errorf("%w: truncated or corrupt: %v", errBadModel, mr.err)
	}
	m.lex = make(map[uint64]uint8, nlex)
	for i, k := range lk {
		m.lex[k] = lc[i]
	}
	var cms [2]map[uint64]uint32
	for j := range cms {
		n := mr.u32()
		if mr.err != nil || n > 1<<26 {
			return fmt.Errorf("%w: truncated or corrupt", errBadModel)
		}
		ck := mr.u64s(int(n))
		cv := mr.u32s(int(n))
		if mr.err != nil {
			return fmt.Errorf("%w: truncated or corrupt: %v", errBadModel, mr.err)
		}
		cms[j] = make(map[uint64]uint32, n)
		for i, k := range ck {
			cms[j][k] = cv[i]
		}
	}
	if len(cms[0]) > 0 {
		m.cl = &clusters{byWord: cms[0], byLower: cms[1]}
	}
	return nil
}

// modelReader reads the little-endian numbers of a model file. The first
// error stops it: every later read returns zeros and mr.err keeps that
// error (io.ErrUnexpectedEOF for a file cut short).
type modelReader struct {
	r   io.Reader
	buf []byte
	err error
}

// chunkBytes is how many bytes modelReader decodes at a time.
const chunkBytes = 1 << 16

// next returns the next n bytes, valid until the next call (nil after an
// error).
func (mr *modelReader) next(n int) []byte {
	if mr.err != nil {
		return nil
	}
	if cap(mr.buf) < n {
		mr.buf = make([]byte, n)
	}
	b := mr.buf[:n]
	if _, err := io.ReadFull(mr.r, b); err != nil {
		if err == io.EOF {
			err = io.ErrUnexpectedEOF
		}
		mr.err = err
		return nil
	}
	return b
}

// items reads n items of size bytes, a chunk of whole items at a time, and
// gives each chunk to f with the index of its first item.
func (mr *modelReader) items(n, size int, f func(first int, b []byte)) {
	per := max(chunkBytes/size, 1)
	for i := 0; i < n && mr.err == nil; i += per {
		k := min(per, n-i)
		if b := mr.next(k * size); b != nil {
			f(i, b)
		}
	}
}

func (mr *modelReader) u32() uint32 {
	if b := mr.next(4); b != nil {
		return binary.LittleEndian.Uint32(b)
	}
	return 0
}

func (mr *modelReader) f32() float32 { return math.Float32frombits(mr.u32()) }

func (mr *modelReader) u64s(n int) []uint64 {
	out := make([]uint64, n)
	mr.items(n, 8, func(first int, b []byte) {
		dst := out[first : first+len(b)/8]
		for i := range dst {
			dst[i] = binary.LittleEndian.Uint64(b[i*8:])
		}
	})
	return out
}

func (mr *modelReader) u32s(n int) []uint32 {
	out := make([]uint32, n)
	mr.items(n, 4, func(first int, b []byte) {
		dst := out[first : first+len(b)/4]
		for i := range dst {
			dst[i] = binary.LittleEndian.Uint32(b[i*4:])
		}
	})
	return out
}

// weights reads one stage's scale and quantised weights (numTags int16 per
// row) into its half of each row of w (see Model.w): weight q is q/scale,
// computed as float32(q) * (1/scale).
func (mr *modelReader) weights(w []float32, stage int) {
	inv := 1 / mr.f32()
	rows := len(w) / rowWidth
	mr.items(rows, 2*numTags, func(first int, b []byte) {
		for r := 0; r < len(b)/(2*numTags); r++ {
			dst := (*[numTags]float32)(w[(first+r)*rowWidth+stage*numTags:])
			src := (*[2 * numTags]byte)(b[r*2*numTags:])
			for k := range dst {
				dst[k] = float32(int16(uint16(src[2*k])|uint16(src[2*k+1])<<8)) * inv
			}
		}
	})
}

func (mr *modelReader) transitions(tr *transitions) {
	for b := range tr.start {
		tr.start[b] = mr.f32()
	}
	for a := range tr.t {
		for b := range tr.t[a] {
			tr.t[a][b] = mr.f32()
		}
	}
	for a := range tr.end {
		tr.end[a] = mr.f32()
	}
}
