package graphrules

import (
	"fmt"

	"github.com/newsgraph/newsgraph/internal/dedup"
	"github.com/newsgraph/newsgraph/internal/news"
)

// NearMatch picks the stored article an input is a near-duplicate of,
// among candidates a store found by the input's LSH band keys: the one
// whose estimated similarity reaches keys.NearThreshold and is highest,
// the first considered on ties (stores consider them oldest first).
type NearMatch struct {
	keys news.DedupKeys
	best *news.Duplicate
}

// NewNearMatch starts a search for a near-duplicate of the input with
// these keys.
func NewNearMatch(keys news.DedupKeys) *NearMatch { return &NearMatch{keys: keys} }

// Wanted reports whether near-duplicates are looked for at all: the input
// has a signature and band keys, and a threshold is set. A store skips
// the candidate query otherwise.
func (m *NearMatch) Wanted() bool {
	k := m.keys
	return len(k.MinHash) > 0 && len(k.Bands) > 0 && k.NearThreshold > 0
}

// Consider weighs stored article id, whose signature is sig (as
// dedup.EncodeSignature wrote it).
func (m *NearMatch) Consider(id int64, sig []byte) {
	sim := dedup.Similarity(m.keys.MinHash, dedup.DecodeSignature(sig))
	if sim >= m.keys.NearThreshold && (m.best == nil || sim > m.best.Similarity) {
		m.best = &news.Duplicate{Kind: news.DupNear, ArticleID: id, Similarity: sim,
			Reason: fmt.Sprintf("near-duplicate text (estimated similarity %.2f)", sim)}
	}
}

// Best returns the near-duplicate found, nil when none was.
func (m *NearMatch) Best() *news.Duplicate { return m.best }

// KeepNew reports whether a new input replaces the stored article it is
// a near-duplicate of, the stored one becoming its copy. So that the copy
// of a story a store keeps does not depend on the order the copies
// arrive in, the copy with the longer text is kept (the fuller version),
// and of two as long, the one whose content hash sorts first. Lengths are
// in bytes of the cleaned text.
func KeepNew(newLen int, newHash string, oldLen int, oldHash string) bool {
	if newLen != oldLen {
		return newLen > oldLen
	}
	return newHash < oldHash
}
