package gazetteer

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io/fs"
	"math"
	"os"
	"path/filepath"
)

// The index file is little-endian: the magic, the source name, the places
// (strings as offsets into one string table), then the sorted name keys
// with their posting lists. Loading it is a few slice conversions, with no
// parsing of names or maps to rebuild beyond two small ones.
const magic = "newsgraph-gazetteer-v1\n"

// placeSize is the bytes of one place record: id, four string references
// (offset, length), kind, lat, lon, population.
const placeSize = 8 + 4*8 + 1 + 8 + 8 + 8

type writer struct{ bytes.Buffer }

func (w *writer) u32(v uint32) { w.Write(binary.LittleEndian.AppendUint32(nil, v)) }
func (w *writer) u64(v uint64) { w.Write(binary.LittleEndian.AppendUint64(nil, v)) }
func (w *writer) str(s string) { w.u32(uint32(len(s))); w.WriteString(s) }
func (w *writer) u32s(v []uint32) {
	w.u32(uint32(len(v)))
	buf := make([]byte, 4*len(v))
	for i, x := range v {
		binary.LittleEndian.PutUint32(buf[4*i:], x)
	}
	w.Write(buf)
}

// WriteFile writes the index to path atomically (a temporary file renamed
// into place), creating the directory if needed.
func (ix *Index) WriteFile(path string) error {
	var w writer
	w.WriteString(magic)
	w.str(ix.Source)
	// One string table for the places' strings.
	var strs writer
	ref := func(s string) (uint32, uint32) {
		off := uint32(strs.Len())
		strs.WriteString(s)
		return off, uint32(len(s))
	}
	var pl writer
	n := 0
	for _, p := range ix.places {
		if p.Kind == KindRegion {
			continue // built-in, added at load
		}
		pl.u64(uint64(p.ID))
		for _, s := range []string{p.Name, p.Code, p.Country, p.Admin1} {
			off, n := ref(s)
			pl.u32(off)
			pl.u32(n)
		}
		pl.WriteByte(byte(p.Kind))
		pl.u64(math.Float64bits(p.Lat))
		pl.u64(math.Float64bits(p.Lon))
		pl.u64(uint64(p.Population))
		n++
	}
	w.str(strs.String())
	w.u32(uint32(n))
	w.Write(pl.Bytes())
	w.str(ix.keyBlob)
	w.u32s(ix.keyOff)
	w.u32s(ix.postOff)
	w.u32s(ix.post)

	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return fmt.Errorf("write index: %w", err)
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), ".gazetteer-*.tmp")
	if err != nil {
		return fmt.Errorf("write index: %w", err)
	}
	defer os.Remove(tmp.Name())
	if err := tmp.Chmod(0o644); err != nil {
		tmp.Close()
		return fmt.Errorf("write index: %w", err)
	}
	if _, err := tmp.Write(w.Bytes()); err != nil {
		tmp.Close()
		return fmt.Errorf("write index: %w", err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("write index: %w", err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("write index: %w", err)
	}
	return nil
}

// Load reads the index in dir (the data directory). It returns an error
// wrapping ErrNotInstalled when there is none.
func Load(dir string) (*Index, error) {
	path := filepath.Join(dir, FileName)
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("%s: %w", path, ErrNotInstalled)
	}
	if err != nil {
		return nil, fmt.Errorf("load gazetteer: %w", err)
	}
	ix, err := decode(data)
	if err != nil {
		return nil, fmt.Errorf("load gazetteer %s: %w (run 'newsgraph setup' again)", path, err)
	}
	return ix, nil
}

type reader struct {
	b   []byte
	err error
}

func (r *reader) take(n int) []byte {
	if r.err != nil || n < 0 || n > len(r.b) {
		r.err = errors.New("truncated or corrupt index")
		return nil
	}
	v := r.b[:n]
	r.b = r.b[n:]
	return v
}

func (r *reader) u32() uint32 {
	if b := r.take(4); b != nil {
		return binary.LittleEndian.Uint32(b)
	}
	return 0
}

func (r *reader) u64() uint64 {
	if b := r.take(8); b != nil {
		return binary.LittleEndian.Uint64(b)
	}
	return 0
}

func (r *reader) str() string { return string(r.take(int(r.u32()))) }

func (r *reader) u32s() []uint32 {
	n := int(r.u32())
	b := r.take(4 * n)
	if b == nil {
		return nil
	}
	v := make([]uint32, n)
	for i := range v {
		v[i] = binary.LittleEndian.Uint32(b[4*i:])
	}
	return v
}

func decode(data []byte) (*Index, error) {
	if !bytes.HasPrefix(data, []byte(magic)) {
		return nil, errors.New("not a newsgraph gazetteer index of this version")
	}
	r := &reader{b: data[len(magic):]}
	ix := &Index{Source: r.str()}
	strs := r.str()
	n := int(r.u32())
	if r.err == nil && n > len(r.b)/placeSize {
		return nil, errors.New("truncated or corrupt index")
	}
	ix.places = make([]Place, n)
	sub := func(off, l uint32) string {
		if uint64(off)+uint64(l) > uint64(len(strs)) {
			r.err = errors.New("corrupt string table")
			return ""
		}
		return strs[off : off+l]
	}
	for i := range ix.places {
		b := r.take(placeSize)
		if b == nil {
			break
		}
		p := &ix.places[i]
		p.ID = int64(binary.LittleEndian.Uint64(b))
		p.Name = sub(binary.LittleEndian.Uint32(b[8:]), binary.LittleEndian.Uint32(b[12:]))
		p.Code = sub(binary.LittleEndian.Uint32(b[16:]), binary.LittleEndian.Uint32(b[20:]))
		p.Country = sub(binary.LittleEndian.Uint32(b[24:]), binary.LittleEndian.Uint32(b[28:]))
		p.Admin1 = sub(binary.LittleEndian.Uint32(b[32:]), binary.LittleEndian.Uint32(b[36:]))
		p.Kind = Kind(b[40])
		p.Lat = math.Float64frombits(binary.LittleEndian.Uint64(b[41:]))
		p.Lon = math.Float64frombits(binary.LittleEndian.Uint64(b[49:]))
		p.Population = int64(binary.LittleEndian.Uint64(b[57:]))
	}
	ix.keyBlob = r.str()
	ix.keyOff = r.u32s()
	ix.postOff = r.u32s()
	ix.post = r.u32s()
	if r.err != nil {
		return nil, r.err
	}
	if len(ix.keyOff) == 0 || len(ix.keyOff) != len(ix.postOff) ||
		int(ix.keyOff[len(ix.keyOff)-1]) != len(ix.keyBlob) || int(ix.postOff[len(ix.postOff)-1]) != len(ix.post) {
		return nil, errors.New("corrupt key table")
	}
	for i := 1; i < len(ix.keyOff); i++ {
		if ix.keyOff[i] < ix.keyOff[i-1] || ix.postOff[i] < ix.postOff[i-1] {
			return nil, errors.New("corrupt key table")
		}
	}
	for _, p := range ix.post {
		if int(p>>1) >= n {
			return nil, errors.New("corrupt posting list")
		}
	}
	ix.finish()
	return ix, nil
}
