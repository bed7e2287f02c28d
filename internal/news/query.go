package news

// QueryError is a search query that a store refuses to run because it
// would cost too much: too many words, a word* prefix too short, or
// prefixes that stand for too many indexed words. It is the client's
// fault, not the server's: the API and the UI answer it with 400. Its
// message names the problem and says what to write instead.
type QueryError struct {
	Problem string // what is wrong, e.g. `the prefix "t*" is too short`
	Hint    string // what to do instead, e.g. "write at least 3 letters before *"
}

func (e *QueryError) Error() string {
	if e.Hint == "" {
		return "search query refused: " + e.Problem
	}
	return "search query refused: " + e.Problem + "; " + e.Hint
}
