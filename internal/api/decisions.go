package api

import (
	"errors"
	"net/http"
	"strings"
	"time"

	"github.com/newsgraph/newsgraph/internal/news"
)

// maxNote is the longest note, in bytes, an analyst may keep with a
// decision.
const maxNote = 2000

// MergeRequest is the body of POST /api/entities/{id}/merge: the entity
// From is joined into entity {id}.
type MergeRequest struct {
	From int64  `json:"from"`
	Note string `json:"note,omitempty"`
}

// SplitRequest is the body of POST /api/entities/{id}/split: the name
// Name is taken from entity {id} to a new entity.
type SplitRequest struct {
	Name string `json:"name"`
	Note string `json:"note,omitempty"`
}

// Decision is an analyst's merge or split as the API shows it.
type Decision struct {
	ID       int64  `json:"id"`
	Kind     string `json:"kind"` // merge or split
	EntityID int64  `json:"entity_id"`
	OtherID  int64  `json:"other_id"`
	Name     string `json:"name"`
	Note     string `json:"note"`
	Decided  string `json:"decided"` // RFC 3339
	Explain  string `json:"explain"`
}

// DecisionOf is d as seen from the page of entity id.
func DecisionOf(d news.EntityDecision, id int64) Decision {
	return Decision{ID: d.ID, Kind: d.Kind, EntityID: d.EntityID, OtherID: d.OtherID, Name: d.Name, Note: d.Note,
		Decided: d.Decided.UTC().Format(time.RFC3339), Explain: d.Explain(id)}
}

// decisionError maps the store's refusals of a decision to client errors.
func decisionError(err error) error {
	switch {
	case errors.Is(err, news.ErrBadDecision):
		return &Error{Status: http.StatusBadRequest, Code: "bad_request", Message: err.Error()}
	case errors.Is(err, news.ErrNoSuchName):
		return &Error{Status: http.StatusNotFound, Code: "not_found", Message: err.Error()}
	}
	return err
}

func (s *Server) mergeEntity(w http.ResponseWriter, r *http.Request) error {
	into, err := pathID(r)
	if err != nil {
		return err
	}
	var req MergeRequest
	if err := decodeJSON(r.Body, &req); err != nil {
		return err
	}
	if req.From <= 0 {
		return badRequest("from must be the id of the entity to merge into %d", into)
	}
	if len(req.Note) > maxNote {
		return badRequest("note is over %d bytes", maxNote)
	}
	d, err := s.cfg.Store.MergeEntities(r.Context(), into, req.From, req.Note)
	if err != nil {
		return decisionError(err)
	}
	writeJSON(w, http.StatusOK, DecisionOf(d, into))
	return nil
}

func (s *Server) splitEntity(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	var req SplitRequest
	if err := decodeJSON(r.Body, &req); err != nil {
		return err
	}
	if strings.TrimSpace(req.Name) == "" || len(req.Name) > 500 {
		return badRequest("name must be one of the entity's names (at most 500 bytes)")
	}
	if len(req.Note) > maxNote {
		return badRequest("note is over %d bytes", maxNote)
	}
	d, err := s.cfg.Store.SplitAlias(r.Context(), id, req.Name, req.Note)
	if err != nil {
		return decisionError(err)
	}
	writeJSON(w, http.StatusCreated, DecisionOf(d, id))
	return nil
}
