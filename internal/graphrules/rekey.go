package graphrules

import (
	"sort"

	"github.com/newsgraph/newsgraph/internal/names"
)

// StoredName is one row of a store's entity names, as Rekey reads and
// writes it.
type StoredName struct {
	EntityID        int64
	Type            string // the entity's type
	Key, Name, Kind string
	Uses            int
	Loose           string
}

// Rekey recomputes the keys of stored names after names.Key changed (a
// store migration calls it when a release changes the key, so that names
// stored before match names stored after): each name gets names.Key and
// names.Loose of the name as written, and names of one entity that now
// share a key become one, their uses added and a name kind winning over
// an alias. It returns the entities whose names changed, in id order, and
// their names as they are to be stored; a name whose new key is empty
// keeps its old one.
func Rekey(rows []StoredName) (changed []int64, final map[int64][]StoredName) {
	byEntity := map[int64][]StoredName{}
	dirty := map[int64]bool{}
	for _, r := range rows {
		k, l := names.Key(r.Name), names.Loose(r.Name, r.Type)
		if k == "" {
			k = r.Key
		}
		if k != r.Key || l != r.Loose {
			dirty[r.EntityID] = true
		}
		r.Key, r.Loose = k, l
		byEntity[r.EntityID] = append(byEntity[r.EntityID], r)
	}
	final = map[int64][]StoredName{}
	for id := range dirty {
		changed = append(changed, id)
		final[id] = mergeByKey(byEntity[id])
	}
	sort.Slice(changed, func(i, j int) bool { return changed[i] < changed[j] })
	return changed, final
}

// mergeByKey makes one name of the names that share a key: the uses
// added, the kind a name if either was, the written form of the most used.
func mergeByKey(rows []StoredName) []StoredName {
	sort.SliceStable(rows, func(i, j int) bool { return rows[i].Uses > rows[j].Uses })
	idx := map[string]int{}
	var out []StoredName
	for _, r := range rows {
		i, ok := idx[r.Key]
		if !ok {
			idx[r.Key] = len(out)
			out = append(out, r)
			continue
		}
		out[i].Uses += r.Uses
		if r.Kind == KindName {
			out[i].Kind = KindName
		}
	}
	return out
}
