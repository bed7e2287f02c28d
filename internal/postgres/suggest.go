package postgres

import (
	"context"
	"fmt"
	"strings"

	"github.com/newsgraph/newsgraph/internal/graphrules"
	"github.com/newsgraph/newsgraph/internal/news"
)

// MaxSuggestions is the most entities SuggestEntities returns, whatever
// limit it is asked for.
const MaxSuggestions = 50

// SuggestEntities implements news.Store: entities with a name or alias
// that holds name's words as whole words or word beginnings ("Nisar" and
// "nis" find "Chaudhry Nisar Ali Khan"), most mentioned first; when none
// does, those with a name whose words are spelling variants of name's
// (the same names.Skeleton: "Nisaar", "Qadhafi"; among MaxVariantScan
// names), for "did you mean".
// fuzzy says which of the two the answer is. At most limit entities
// (MaxSuggestions when limit is 0 or more).
func (s *DB) SuggestEntities(ctx context.Context, name, typ string, limit int) (ents []news.StoredEntity, fuzzy bool, err error) {
	if limit <= 0 || limit > MaxSuggestions {
		limit = MaxSuggestions
	}
	key := nameKey(name)
	if key == "" {
		return nil, false, nil
	}
	// Every word of the name must begin a word of the stored name.
	var conds []string
	var args []any
	for _, w := range strings.Fields(key) {
		conds = append(conds, `(n.key LIKE ? ESCAPE '\' OR n.key LIKE ? ESCAPE '\')`)
		w = likeEscape(w)
		args = append(args, w+"%", "% "+w+"%")
	}
	ents, err = s.suggest(ctx, strings.Join(conds, " AND "), args, typ, limit)
	if err != nil || len(ents) > 0 {
		return ents, false, err
	}
	ents, err = s.suggestVariants(ctx, key, typ, limit)
	return ents, len(ents) > 0, err
}

// MaxVariantScan is the most stored names SuggestEntities reads looking
// for spelling variants: those with a word that starts with the first
// letter of the name's first word, of the entities in most articles.
const MaxVariantScan = 20000

// suggestVariants returns the entities with a name in which every word of
// key has a spelling variant (the same names.Skeleton).
func (s *DB) suggestVariants(ctx context.Context, key, typ string, limit int) ([]news.StoredEntity, error) {
	words := strings.Fields(key)
	first := likeEscape(string([]rune(words[0])[:1]))
	rows, err := s.db().query(ctx, `SELECT n.entity_id, n.key FROM entity_names n JOIN entities e ON e.id = n.entity_id
		WHERE (n.key LIKE ? ESCAPE '\' OR n.key LIKE ? ESCAPE '\') AND (? = '' OR e.type = ?)
		ORDER BY e.articles DESC, e.id LIMIT ?`, first+"%", "% "+first+"%", typ, typ, MaxVariantScan)
	if err != nil {
		return nil, fmt.Errorf("suggest entities: %w", err)
	}
	var ids []any
	seen := map[int64]bool{}
	for rows.Next() {
		var id int64
		var name string
		if err := rows.Scan(&id, &name); err != nil {
			rows.Close()
			return nil, fmt.Errorf("suggest entities: %w", err)
		}
		if !seen[id] && len(ids) < limit && graphrules.VariantOf(words, strings.Fields(name)) {
			seen[id] = true
			ids = append(ids, id)
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil || len(ids) == 0 {
		return nil, err
	}
	return s.suggest(ctx, `n.entity_id IN (`+placeholders(len(ids))+`)`, ids, typ, limit)
}

// suggest returns the entities with a name that meets cond, most
// mentioned first, with their aliases.
func (s *DB) suggest(ctx context.Context, cond string, args []any, typ string, limit int) ([]news.StoredEntity, error) {
	query := `SELECT e.id, e.type, e.name, e.articles FROM entities e WHERE e.id IN
		(SELECT n.entity_id FROM entity_names n WHERE ` + cond + `) AND (? = '' OR e.type = ?)
		ORDER BY e.articles DESC, e.id LIMIT ?`
	rows, err := s.db().query(ctx, query, append(args, typ, typ, limit)...)
	if err != nil {
		return nil, fmt.Errorf("suggest entities: %w", err)
	}
	var out []news.StoredEntity
	for rows.Next() {
		var e news.StoredEntity
		if err := rows.Scan(&e.ID, &e.Type, &e.Name, &e.Articles); err != nil {
			rows.Close()
			return nil, fmt.Errorf("suggest entities: %w", err)
		}
		out = append(out, e)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("suggest entities: %w", err)
	}
	for i := range out {
		if err := s.fillNames(ctx, &out[i]); err != nil {
			return nil, fmt.Errorf("suggest entities: %w", err)
		}
	}
	return out, nil
}

// likeEscape escapes LIKE's wildcards and its escape character.
func likeEscape(s string) string {
	return strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(s)
}
