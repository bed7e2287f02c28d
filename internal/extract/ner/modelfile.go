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
	q1, sc1 := quantise(m.s1.w)
	q2, sc2 := quantise(m.s2.w)
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
	lk := make([]uint64, 0, len(m.lex))
	for k := range m.lex {
		lk = append(lk, k)
	}
	slices.Sort(lk)
	lc := make([]uint8, len(lk))
	for i, k := range lk {
		lc[i] = m.lex[k]
	}
	put(uint32(len(lk)))
	put(lk)
	put(lc)
	for _, cm := range m.clusterMaps() {
		ck := make([]uint64, 0, len(cm))
		for k := range cm {
			ck = append(ck, k)
		}
		slices.Sort(ck)
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
	br := bufio.NewReaderSize(zr, 1<<20)
	magic := make([]byte, len(fileMagic))
	if _, err := io.ReadFull(br, magic); err != nil || string(magic) != fileMagic {
		return nil, errBadModel
	}
	le := binary.LittleEndian
	get := func(v any) {
		if err == nil {
			err = binary.Read(br, le, v)
		}
	}
	var version, metaLen, rows uint32
	get(&version)
	if err == nil && version != fileVersion {
		return nil, fmt.Errorf("%w: version %d, want %d", errBadModel, version, fileVersion)
	}
	get(&metaLen)
	if err != nil || metaLen > 1<<20 {
		return nil, fmt.Errorf("%w: bad header", errBadModel)
	}
	meta := make([]byte, metaLen)
	if _, err := io.ReadFull(br, meta); err != nil {
		return nil, fmt.Errorf("%w: %v", errBadModel, err)
	}
	m := &Model{}
	if err := json.Unmarshal(meta, &m.Meta); err != nil {
		return nil, fmt.Errorf("%w: %v", errBadModel, err)
	}
	get(&rows)
	if err != nil || rows > 1<<26 {
		return nil, fmt.Errorf("%w: bad row count", errBadModel)
	}
	m.keys = make([]uint64, rows)
	get(m.keys)
	q := make([]int16, int(rows)*numTags)
	for _, st := range []*linear{&m.s1, &m.s2} {
		var scale float32
		get(&scale)
		get(q)
		if err != nil {
			break
		}
		st.w = make([]float32, len(q))
		inv := 1 / scale
		for i, v := range q {
			st.w[i] = float32(v) * inv
		}
		get(&st.tr.start)
		get(&st.tr.t)
		get(&st.tr.end)
	}
	var nlex uint32
	get(&nlex)
	if err != nil || nlex > 1<<26 {
		return nil, fmt.Errorf("%w: truncated or corrupt", errBadModel)
	}
	lk := make([]uint64, nlex)
	lc := make([]uint8, nlex)
	get(lk)
	get(lc)
	if err != nil {
		return nil, fmt.Errorf("%w: truncated or corrupt: %v", errBadModel, err)
	}
	m.lex = make(map[uint64]uint8, nlex)
	for i, k := range lk {
		m.lex[k] = lc[i]
	}
	var cms [2]map[uint64]uint32
	for j := range cms {
		var n uint32
		get(&n)
		if err != nil || n > 1<<26 {
			return nil, fmt.Errorf("%w: truncated or corrupt", errBadModel)
		}
		ck := make([]uint64, n)
		cv := make([]uint32, n)
		get(ck)
		get(cv)
		if err != nil {
			return nil, fmt.Errorf("%w: truncated or corrupt: %v", errBadModel, err)
		}
		cms[j] = make(map[uint64]uint32, n)
		for i, k := range ck {
			cms[j][k] = cv[i]
		}
	}
	if len(cms[0]) > 0 {
		m.cl = &clusters{byWord: cms[0], byLower: cms[1]}
	}
	m.index = newTable(m.keys)
	return m, nil
}
