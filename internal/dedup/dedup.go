// Package dedup computes the keys that tell whether two articles are the
// same: a canonical URL, the content hash of the cleaned text, and a
// MinHash signature of its word shingles for near-duplicates (syndicated
// wire copies that differ in a byline, a headline or a paragraph).
package dedup

import (
	"encoding/binary"
	"hash/fnv"
	"strings"
	"unicode"

	"github.com/newsgraph/newsgraph/internal/news"
)

// Config sets how near-duplicates are found.
type Config struct {
	// Shingle is the number of words in a shingle.
	Shingle int
	// Hashes is the MinHash signature length; Bands × Rows must equal it.
	Hashes, Bands, Rows int
	// Threshold is the estimated Jaccard similarity of shingle sets from
	// which a text is a near-duplicate of another.
	Threshold float64
	// MinWords is the shortest text (in words) that is compared at all:
	// short texts share too many shingles by chance.
	MinWords int
}

// DefaultConfig compares 4-word shingles with 64 hashes in 16 bands of 4
// rows: texts of similarity 0.7 become candidates with probability above
// 0.99, unrelated texts (similarity under 0.2) almost never.
func DefaultConfig() Config {
	return Config{Shingle: 4, Hashes: 64, Bands: 16, Rows: 4, Threshold: 0.7, MinWords: 30}
}

// Keys returns the dedup keys of a cleaned document.
func (c Config) Keys(doc *news.Doc) news.DedupKeys {
	k := news.DedupKeys{CanonicalURL: CanonicalURL(doc.URL), ContentHash: news.ContentID(doc.Text)}
	if sig := c.MinHash(doc.Text); sig != nil {
		k.MinHash = sig
		k.Bands = c.BandKeys(sig)
		k.NearThreshold = c.Threshold
	}
	return k
}

// Words splits text into lower-case words of letters and digits.
func Words(text string) []string {
	return strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
}

// MinHash returns the signature of text's shingle set, or nil when the
// text has fewer than MinWords words.
func (c Config) MinHash(text string) []uint32 {
	words := Words(text)
	if len(words) < c.MinWords || len(words) < c.Shingle {
		return nil
	}
	sig := make([]uint32, c.Hashes)
	for i := range sig {
		sig[i] = ^uint32(0)
	}
	h := fnv.New64a()
	for i := 0; i+c.Shingle <= len(words); i++ {
		h.Reset()
		for _, w := range words[i : i+c.Shingle] {
			h.Write([]byte(w))
			h.Write([]byte{0})
		}
		x := h.Sum64()
		for j := range sig {
			// One 64-bit mix per hash function, seeded by j: cheap and
			// independent enough for MinHash.
			v := uint32(mix(x^seeds[j%len(seeds)]*uint64(j+1)) >> 32)
			if v < sig[j] {
				sig[j] = v
			}
		}
	}
	return sig
}

// BandKeys returns one key per LSH band: the hash of the band's rows and
// its index, so equal rows in different bands do not collide.
func (c Config) BandKeys(sig []uint32) []uint64 {
	keys := make([]uint64, 0, c.Bands)
	buf := make([]byte, 4*c.Rows+1)
	for b := 0; b < c.Bands && (b+1)*c.Rows <= len(sig); b++ {
		buf[0] = byte(b)
		for r := 0; r < c.Rows; r++ {
			binary.LittleEndian.PutUint32(buf[1+4*r:], sig[b*c.Rows+r])
		}
		h := fnv.New64a()
		h.Write(buf)
		// SQLite integers are signed 64-bit: keep the key positive.
		keys = append(keys, h.Sum64()>>1)
	}
	return keys
}

// Similarity estimates the Jaccard similarity of the shingle sets of two
// signatures: the share of equal positions.
func Similarity(a, b []uint32) float64 {
	if len(a) == 0 || len(a) != len(b) {
		return 0
	}
	same := 0
	for i := range a {
		if a[i] == b[i] {
			same++
		}
	}
	return float64(same) / float64(len(a))
}

// EncodeSignature and DecodeSignature store a signature as bytes.
func EncodeSignature(sig []uint32) []byte {
	out := make([]byte, 4*len(sig))
	for i, v := range sig {
		binary.LittleEndian.PutUint32(out[4*i:], v)
	}
	return out
}

// DecodeSignature is the inverse of EncodeSignature.
func DecodeSignature(b []byte) []uint32 {
	sig := make([]uint32, len(b)/4)
	for i := range sig {
		sig[i] = binary.LittleEndian.Uint32(b[4*i:])
	}
	return sig
}

func mix(x uint64) uint64 { // splitmix64 finaliser
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	x ^= x >> 31
	return x
}

var seeds = [...]uint64{
	0x9e3779b97f4a7c15, 0xc2b2ae3d27d4eb4f, 0x165667b19e3779f9, 0xd6e8feb86659fd93,
	0xff51afd7ed558ccd, 0xc4ceb9fe1a85ec53, 0x85ebca6b2bb1c1a5, 0x27d4eb2f165667c5,
}
