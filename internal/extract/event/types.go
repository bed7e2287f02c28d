package event

import "slices"

// Types returns the event types the stage gives (the contract's event
// "type": "ARREST", "ATTACK", "DENY", ...), sorted: every type of the
// built-in lexicon. Watchlist rules are checked against it.
func Types() []string {
	lx, err := parseLexicon(lexiconText)
	if err != nil {
		return nil // the embedded lexicon is checked by New and the tests
	}
	types := make([]string, 0, len(lx.plover))
	for t := range lx.plover {
		types = append(types, t)
	}
	slices.Sort(types)
	return types
}
