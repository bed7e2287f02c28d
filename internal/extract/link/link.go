// Package link is the entity stage: it groups the NER stage's name
// mentions into one entity per real-world thing, with every name the
// article uses for it (full names and surnames, acronyms defined in the
// text or spelled by a name's initials, spelling and case variants,
// names joined by the alias table), the person's titles, and mentions by
// title ("the interior minister") and pronoun ("he").
//
// Rules that join names, in the order tried for each name mention:
//  1. the same name key (names.Key, the one name key the store matches
//     by too: case, accents, periods, apostrophes, a possessive and "the"
//     ignored), unless an honorific or kin noun of the other gender
//     stands before it ("Mr. Clinton" never joins the Clinton called
//     "Mrs. Clinton");
//  2. the alias table (see aliases.json), for names that occur in the text;
//  3. an acronym defined by the text — "Islamic State (IS)", "known as
//     Daesh", "X, whose real name is Y" — or spelling the initials of a
//     name in the article;
//  4. for people, a part of an earlier or later full name ("Chaudhry" for
//     "Aizaz Ahmad Chaudhry"), joined to the most recent person whose full
//     name contains it and whose gender agrees, unless that person was
//     named once and another more often (the article's subject, not a
//     relative named once); two full names that merely share a word
//     ("Aizaz Ahmad Chaudhry", "Chaudhry Nisar") are never joined.
//
// Before joining, NER spans that run names together are cut at
// punctuation no name holds ("Joe Biden…Harry Reid", "Clinton/Obama",
// "Loved ‘Lilyhammer’"; see cutAtBreaks), and words that are not names
// are cut or retyped: a party label, "Team" or a headline's speech verb
// before a person's name
// ("Democrat Clinton", "Says Clinton"); a person's name ending in an
// organisation noun is the organisation ("X Foundation"); product models
// ("RAV4") and acronyms used as common nouns ("a black SUV") are MISC; a
// romanised Chinese or Korean name ("Hou Yu-ih") is a person's.
package link

import (
	"context"
	"fmt"
	"sort"

	"github.com/newsgraph/newsgraph/internal/news"
	"github.com/newsgraph/newsgraph/internal/pipeline"
)

// Config configures the link stage.
type Config struct {
	// DataDir is where a user's aliases.json extends the built-in alias
	// table; empty means the built-in table only.
	DataDir string
	// PronounWindow is how many sentences back a pronoun looks for its
	// antecedent.
	PronounWindow int
}

// DefaultConfig returns the settings the extract command uses.
func DefaultConfig() Config { return Config{PronounWindow: 2} }

// Validate reports settings that cannot work.
func (c Config) Validate() error {
	if c.PronounWindow < 0 {
		return fmt.Errorf("link config: PronounWindow must not be negative, got %d", c.PronounWindow)
	}
	return nil
}

// Stage groups mentions into entities.
//
// It needs doc.Tokens, doc.Sentences and doc.Mentions (segment and ner).
// It replaces doc.Entities with one entity per real-world thing, IDs E1,
// E2, ... in order of first mention; each entity's Mentions are in text
// order, with Kind name, alias, acronym, nominal or pronoun. doc.Mentions
// is left as the NER stage made it.
type Stage struct {
	cfg     Config
	aliases *aliasTable
}

var _ pipeline.Stage = (*Stage)(nil)

// New returns the link stage.
func New(cfg Config) (*Stage, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	aliases, err := loadAliases(cfg.DataDir)
	if err != nil {
		return nil, err
	}
	return &Stage{cfg: cfg, aliases: aliases}, nil
}

// Name is "link".
func (*Stage) Name() string { return "link" }

// Process links doc's mentions; see Stage.
func (s *Stage) Process(ctx context.Context, doc *news.Doc) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	a := newAnalysis(doc)
	names := s.repairMentions(a, a.nameMentions())
	a.markNames(names)
	clusters := s.cluster(a, names)
	a.attachTitles(clusters, s.aliases)
	a.resolveNominals(clusters, s.aliases)
	a.resolvePronouns(clusters, s.aliases, s.cfg.PronounWindow)
	doc.Entities = s.entities(a, clusters)
	return nil
}

// entities turns clusters into the contract's entities, ordered by first
// mention.
func (s *Stage) entities(a *analysis, clusters []*cluster) []news.Entity {
	sort.SliceStable(clusters, func(i, j int) bool { return clusters[i].first() < clusters[j].first() })
	out := make([]news.Entity, 0, len(clusters))
	for _, c := range clusters {
		if len(c.names) == 0 {
			continue
		}
		e := c.entity(s.aliases, a.doc.Text)
		e.ID = fmt.Sprintf("E%d", len(out)+1)
		out = append(out, e)
	}
	return out
}
