package main

import (
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/newsgraph/newsgraph/internal/api"
	"github.com/newsgraph/newsgraph/internal/news"
)

const entityAbout = `Shows what the database knows about a person, organisation or place across
all stored articles: its names and aliases, titles, the articles that mention
it (with why each article's mention was merged into this entity), its quotes,
the claims it makes or is the subject of, and the entities seen with it most
often. NAME is matched against every name and alias, ignoring case, accents
and punctuation ("U.S." = "us"). When several entities have that name, each
is shown, the most mentioned first. When none has it, the entities whose
names hold its words or word beginnings are shown ("Nisar" finds "Chaudhry
Nisar Ali Khan", at most 5); when none does, the error suggests names with
spelling variants of its words ("did you mean"). --top N lists the N
entities in most articles instead (browse without a name).

An analyst corrects the store with two subcommands; each decision is stored
in the database, shown with the entity, and holds for articles ingested later:

  newsgraph entity merge [--note TEXT] INTO FROM
      joins entity FROM into entity INTO (ids as shown by 'entity'): its
      names, articles, quotes and claims become INTO's, FROM is gone, and
      later articles that name it go to INTO.
  newsgraph entity split [--note TEXT] ID NAME
      takes the name NAME, wrongly merged, from entity ID to a new entity
      with the articles that named it so; later articles with that name
      never join ID again.

Examples:
  newsgraph entity "Chaudhry Nisar"
  newsgraph entity --type ORG IS
  newsgraph entity --format json Pakistan
  newsgraph entity --top 100
  newsgraph entity --top 20 --type PER --country PK --from 2015-02-01 --to 2015-02-28
  newsgraph entity merge --note "same person" 25 1102
  newsgraph entity split 37 "Chelsea Clinton Foundation"`

func runEntity(env *environment, args []string) error {
	if len(args) > 0 && (args[0] == "merge" || args[0] == "split") {
		return runEntityDecision(env, args[0], args[1:])
	}
	fs := newFlagSet(env, "entity", "[flags] NAME | merge INTO FROM | split ID NAME", entityAbout)
	db := addDBFlag(fs)
	format := fs.String("format", "table", "output: table or json; with --top also csv (id, type, name, aliases, articles)")
	typ := fs.String("type", "", "only entities of this `TYPE`: PER, ORG, LOC or MISC")
	limit := fs.Int("limit", 10, "at most this many articles, quotes, claims and co-occurring entities")
	top := fs.Int("top", 0, "list the `N` entities in most articles (with --type: of that type) instead of one by name")
	country := fs.String("country", "", "with --top: only articles that mention a place in this `COUNTRY` (ISO code, e.g. PK)")
	from := fs.String("from", "", "with --top: only articles published on or after this `DATE` (YYYY-MM-DD)")
	to := fs.String("to", "", "with --top: only articles published on or before this `DATE` (YYYY-MM-DD)")
	words, err := parseInterspersed(fs, args)
	if err != nil {
		return err
	}
	if err := outputFormat("entity", *format, "table", "json", "csv"); err != nil {
		return err
	}
	if *format == "csv" && *top == 0 {
		return &usageError{msg: "entity: --format csv lists --top N entities; one article's entities are in 'export --format entities.csv'"}
	}
	t, err := checkType("entity", *typ)
	if err != nil {
		return err
	}
	name := strings.TrimSpace(strings.Join(words, " "))
	if *top < 0 || *top > maxTop {
		return &usageError{msg: fmt.Sprintf("entity: --top must be between 1 and %d", maxTop)}
	}
	if name == "" && *top == 0 || name != "" && *top > 0 {
		return &usageError{msg: "entity: name an entity, or give --top N (run 'newsgraph entity --help')"}
	}
	browse, err := browseQuery(t, *country, *from, *to, *top)
	if err != nil {
		return err
	}
	ctx := context.Background()
	store, err := openStore(ctx, *db, true)
	if err != nil {
		return fmt.Errorf("entity: %w", err)
	}
	defer store.Close()
	if *top > 0 {
		return writeTop(ctx, env, store, browse, *format)
	}
	ents, err := store.Entities(ctx, name, t)
	if err != nil {
		return err
	}
	if len(ents) == 0 {
		if ents, err = partialEntities(ctx, store, name, t); err != nil {
			return err
		}
	}
	if *format == "json" {
		// The API's view of an entity (GET /api/entities/{id}).
		out := make([]*api.EntityProfile, 0, len(ents))
		for _, e := range ents {
			p, err := api.Profile(ctx, store, e.ID, *limit)
			if err != nil {
				return err
			}
			out = append(out, p)
		}
		return writeJSON(env.stdout, "json", out)
	}
	var profiles []*news.EntityProfile
	for _, e := range ents {
		p, err := store.EntityProfile(ctx, e.ID, *limit)
		if err != nil {
			return err
		}
		profiles = append(profiles, p)
	}
	for i, p := range profiles {
		if i > 0 {
			fmt.Fprintln(env.stdout)
		}
		writeProfile(env.stdout, p)
	}
	return nil
}

func writeProfile(w io.Writer, p *news.EntityProfile) {
	fmt.Fprintf(w, "%s (%s, entity %d): %d articles\n", p.Name, p.Type, p.ID, p.Articles)
	if len(p.Aliases) > 0 {
		fmt.Fprintf(w, "  aliases: %s\n", strings.Join(p.Aliases, "; "))
	}
	if len(p.Titles) > 0 {
		fmt.Fprintf(w, "  titles:  %s\n", strings.Join(p.Titles, "; "))
	}
	for _, d := range p.Decisions {
		fmt.Fprintf(w, "  %s\n", d.Explain(p.ID))
	}
	if len(p.ArticleList) > 0 {
		fmt.Fprintln(w, "  articles:")
		for _, a := range p.ArticleList {
			fmt.Fprintf(w, "    %d  %s  %s  (%d mentions; %s)\n", a.ArticleID, orDash(a.Published),
				articleName(a.Title, a.URL, a.Source), a.Mentions, a.MergeReason)
		}
	}
	if len(p.Quotes) > 0 {
		fmt.Fprintln(w, "  quotes:")
		for _, q := range p.Quotes {
			fmt.Fprintf(w, "    %d  %s  %s %s\n", q.ArticleID, orDash(q.Published), q.Kind, quoted(q.Text))
		}
	}
	if len(p.Claims) > 0 {
		fmt.Fprintln(w, "  claims:")
		for _, c := range p.Claims {
			fmt.Fprintf(w, "    %d  %s\n", c.ArticleID, claimLine(c))
		}
	}
	if len(p.CoOccurring) > 0 {
		var parts []string
		for _, c := range p.CoOccurring {
			parts = append(parts, fmt.Sprintf("%s (%s, %d)", c.Name, c.Type, c.Articles))
		}
		fmt.Fprintf(w, "  seen with: %s\n", strings.Join(parts, "; "))
	}
}

// claimLine is a claim as one line: "Nisar denies presence (Islamic State, Pakistan)".
func claimLine(c news.StoredClaim) string {
	speaker := c.SpeakerName
	if speaker == "" {
		speaker = "(unattributed)"
	}
	verb := c.Polarity
	switch c.Polarity {
	case "affirm":
		verb = "affirms"
	case "deny":
		verb = "denies"
	}
	args := strings.Join(nonEmpty(c.SubjectName, c.ObjectName), ", ")
	return fmt.Sprintf("%s %s %s (%s)", speaker, verb, c.Predicate, args)
}

func nonEmpty(ss ...string) []string {
	var out []string
	for _, s := range ss {
		if s != "" {
			out = append(out, s)
		}
	}
	return out
}

func nonNilStrings(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// partialEntities returns the entities whose names hold name's words
// ("Nisar": "Chaudhry Nisar Ali Khan"), at most 5, or an error naming
// those with spelling variants of it ("did you mean") or none.
func partialEntities(ctx context.Context, store news.Store, name, typ string) ([]news.StoredEntity, error) {
	sugg, fuzzy, err := store.SuggestEntities(ctx, name, typ, 5)
	if err != nil {
		return nil, fmt.Errorf("entity: %w", err)
	}
	if len(sugg) == 0 {
		return nil, fmt.Errorf("entity: no entity named %q (run 'newsgraph entity --top 20' to browse)", name)
	}
	if !fuzzy {
		return sugg, nil
	}
	list := make([]string, len(sugg))
	for i, e := range sugg {
		list[i] = fmt.Sprintf("%q (%s)", e.Name, e.Type)
	}
	return nil, fmt.Errorf("entity: no entity named %q; did you mean %s?", name, strings.Join(list, ", "))
}

// browseQuery checks --country, --from and --to and makes the query of
// 'entity --top'.
func browseQuery(typ, country, from, to string, top int) (news.EntityBrowseQuery, error) {
	q := news.EntityBrowseQuery{Type: typ, Country: strings.ToUpper(strings.TrimSpace(country)), From: from, To: to, Limit: top}
	if (q.Country != "" || from != "" || to != "") && top == 0 {
		return q, &usageError{msg: "entity: --country, --from and --to narrow --top N"}
	}
	if q.Country != "" && !news.IsCountryCode(q.Country) {
		return q, &usageError{msg: fmt.Sprintf("entity: --country %q is not a two-letter ISO country code (PK, IR, US ...)", country)}
	}
	for _, d := range []struct{ flag, value string }{{"from", from}, {"to", to}} {
		if err := checkDate("entity", d.flag, d.value); err != nil {
			return q, err
		}
	}
	return q, nil
}
