package graphrules

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/newsgraph/newsgraph/internal/extract/claim"
	"github.com/newsgraph/newsgraph/internal/news"
)

// CrossArticleClaims is the rule by which a new article's claims are
// compared with stored claims about the same subject: the claim stage's
// own rule (claim.Stage.Contradicts with across = true: different
// speakers, the same subject, opposite polarity, comparable predicates,
// the same object or one inside the other's country), so that
// contradictions across articles follow the same rule as within one.
func CrossArticleClaims() (news.ClaimComparer, error) {
	stage, err := claim.New()
	if err != nil {
		return nil, fmt.Errorf("claim rule: %w", err)
	}
	return func(a, b news.StoredClaim) (bool, string) {
		why, ok := stage.Contradicts(AsClaim(a), AsClaim(b), true)
		return ok, why
	}, nil
}

// AsClaim is a stored claim in the claim stage's terms: store entity ids
// (as decimal strings, "" for none) in place of the article's E1, E2.
func AsClaim(c news.StoredClaim) news.Claim {
	id := func(n int64) string {
		if n == 0 {
			return ""
		}
		return strconv.FormatInt(n, 10)
	}
	return news.Claim{ID: c.LocalID, Speaker: id(c.SpeakerID), SpeakerName: c.SpeakerName, Polarity: news.Polarity(c.Polarity),
		Subject: id(c.SubjectID), SubjectName: c.SubjectName, Predicate: c.Predicate, Word: c.Word,
		Object: id(c.ObjectID), ObjectName: c.ObjectName, ObjectCountry: c.ObjectCountry, ObjectFeature: c.ObjectFeature}
}

// Comparable reports whether an article's claim is compared with the
// stored claims of other articles at all: across articles only claims
// about a named place compare (claim.Stage.Contradicts), so a store may
// spare the look-up for the others.
func Comparable(c news.Claim) bool {
	return c.Object != "" || c.ObjectName != ""
}

// DefaultCompareClaims is the simplest cross-article claim rule, for a
// store opened without one (tests): two claims contradict when different
// speakers make them about the same subject and object with the same
// predicate and opposite polarity.
func DefaultCompareClaims(a, b news.StoredClaim) (bool, string) {
	if a.SpeakerID == 0 || b.SpeakerID == 0 || a.SpeakerID == b.SpeakerID {
		return false, ""
	}
	if a.Predicate != b.Predicate || a.Polarity == b.Polarity {
		return false, ""
	}
	if a.SubjectID != b.SubjectID || a.ObjectID != b.ObjectID {
		return false, ""
	}
	return true, fmt.Sprintf("%s %s and %s %s %s", a.SpeakerName, verbOf(a.Polarity), b.SpeakerName,
		verbOf(b.Polarity), claimWhat(a))
}

func verbOf(polarity string) string {
	switch polarity {
	case "affirm":
		return "affirms"
	case "deny":
		return "denies"
	}
	return polarity
}

// claimWhat is "presence (Islamic State, Pakistan)".
func claimWhat(c news.StoredClaim) string {
	var args []string
	for _, n := range []string{c.SubjectName, c.ObjectName} {
		if n != "" {
			args = append(args, n)
		}
	}
	if len(args) == 0 {
		return c.Predicate
	}
	return c.Predicate + " (" + strings.Join(args, ", ") + ")"
}
