package news

import (
	"errors"
	"fmt"
	"time"
)

// Kinds of EntityDecision.
const (
	DecisionMerge = "merge"
	DecisionSplit = "split"
	// DecisionJoin is not an analyst's: the store joined two entities
	// because an article named them as one (graphrules.Join); Note says
	// why.
	DecisionJoin = "join"
)

// Errors of the analyst's decisions, tested with errors.Is.
var (
	// ErrNoSuchName: the entity has no name or alias to split off.
	ErrNoSuchName = errors.New("the entity has no such name")
	// ErrBadDecision: a merge of an entity with itself, or a split of an
	// entity's only name.
	ErrBadDecision = errors.New("nothing to merge or split")
)

// EntityDecision is an analyst's decision about store entities, stored as
// data so that it holds for the articles stored after it, or a join the
// store made because an article named two entities as one.
type EntityDecision struct {
	ID   int64
	Kind string // DecisionMerge, DecisionSplit or DecisionJoin
	// EntityID is, for a merge or join, the entity kept; for a split, the entity
	// the name was taken from.
	EntityID int64
	// OtherID is, for a merge or join, the entity joined into EntityID (it no
	// longer exists); for a split, the new entity that holds the name.
	OtherID int64
	// Name is, for a merge or join, the name of the entity joined in; for a split,
	// the name taken away.
	Name    string
	Note    string // the analyst's words, may be ""
	Decided time.Time
}

// Explain says what d did, as seen from the page of entity id.
func (d EntityDecision) Explain(id int64) string {
	day := d.Decided.UTC().Format("2006-01-02")
	var s string
	switch {
	case d.Kind == DecisionMerge:
		s = fmt.Sprintf("Merged by an analyst on %s: %q (entity %d) was joined into this entity.", day, d.Name, d.OtherID)
	case d.Kind == DecisionJoin:
		return fmt.Sprintf("Joined on %s, by an article: %q (entity %d) was joined into this entity. Why: %s", day, d.Name, d.OtherID, d.Note)
	case d.Kind == DecisionSplit && id == d.OtherID:
		s = fmt.Sprintf("Split by an analyst on %s: the name %q was taken from entity %d to this new entity.", day, d.Name, d.EntityID)
	default:
		s = fmt.Sprintf("Split by an analyst on %s: the name %q is entity %d, never this one.", day, d.Name, d.OtherID)
	}
	if d.Note != "" {
		s += " Note: " + d.Note
	}
	return s
}

// MergedError is the error of asking for an entity that an analyst merged
// into another: it is an ErrNoSuchEntity (errors.Is) that says where the
// entity went.
type MergedError struct {
	ID, Into int64
	Decided  time.Time
	// Kind is the decision that merged it: DecisionMerge (an analyst's)
	// or DecisionJoin (an article's).
	Kind string
}

func (e *MergedError) Error() string {
	by := "by an analyst"
	if e.Kind == DecisionJoin {
		by = "because an article named them as one"
	}
	return fmt.Sprintf("entity %d was merged into entity %d %s on %s", e.ID, e.Into, by, e.Decided.UTC().Format("2006-01-02"))
}

// Unwrap makes a MergedError an ErrNoSuchEntity.
func (e *MergedError) Unwrap() error { return ErrNoSuchEntity }
