package geo_test

import (
	"context"
	"testing"

	"github.com/newsgraph/newsgraph/internal/extract/geo"
	"github.com/newsgraph/newsgraph/internal/extract/link"
	"github.com/newsgraph/newsgraph/internal/gazetteer/gazetteertest"
	"github.com/newsgraph/newsgraph/internal/news"
)

// TestAliasTypedOrganisationsStayOrganisations: an entity the link stage's
// alias table typed ORG keeps its type although the gazetteer has a town
// of that name (Un) and the text puts it after "at"; a name the gazetteer
// gives a region (EU, a name of Europe there) and a city with no alias
// entry are still retyped.
func TestAliasTypedOrganisationsStayOrganisations(t *testing.T) {
	ls, err := link.New(link.Config{PronounWindow: link.DefaultConfig().PronounWindow})
	if err != nil {
		t.Fatal(err)
	}
	st, err := geo.New(geo.Config{Gazetteer: gazetteertest.MustIndex(t), FixedType: ls.AliasType})
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		text, name, typ, want string
	}{
		{"Farmers protested at the U.N. on Tuesday, and a U.N. envoy met them.", "U.N.", news.TypeORG, news.TypeORG},
		{"Ministers in the EU will vote on the tariff next week.", "EU", news.TypeORG, news.TypeLOC},
		{"Flights resumed in Louisville after the storm.", "Louisville", news.TypeORG, news.TypeLOC},
	}
	for _, c := range cases {
		doc := typedDoc(t, c.text, [2]string{c.typ, c.name})
		if err := st.Process(context.Background(), doc); err != nil {
			t.Fatal(err)
		}
		if got := doc.Entities[0].Type; got != c.want {
			t.Errorf("%q in %q: type %s, want %s", c.name, c.text, got, c.want)
		}
	}
}
