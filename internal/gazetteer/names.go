package gazetteer

// EachName calls fn for every (name key, place) pair of the index: the
// GeoNames names and alternate names, and the built-in ones (English
// country names, regions). A key comes once per place it names; the order
// is not defined. It is for callers that build their own lookup structure
// over all names (the NER tagger's gazetteer features), where Lookup per
// candidate name would be too slow.
func (ix *Index) EachName(fn func(key string, p *Place, primary bool)) {
	for i := 0; i+1 < len(ix.keyOff); i++ {
		k := ix.key(i)
		for _, v := range ix.post[ix.postOff[i]:ix.postOff[i+1]] {
			fn(k, &ix.places[v>>1], v&1 == 1)
		}
	}
	for k, ms := range ix.extra {
		for _, m := range ms {
			fn(k, m.Place, m.Primary)
		}
	}
}
