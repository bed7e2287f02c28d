package graphrules

import (
	"testing"

	"github.com/newsgraph/newsgraph/internal/news"
)

// fakeGraph is a GraphSource over edges held in memory: 1 speaks about 2
// and 3, 2 co-occurs with 4.
type fakeGraph map[int64][]GraphLink

func (f fakeGraph) Node(id int64) (news.GraphNode, error) {
	if id > 4 {
		return news.GraphNode{}, news.ErrNoSuchEntity
	}
	return news.GraphNode{ID: id}, nil
}

func (f fakeGraph) Nodes(ids []int64) (map[int64]news.GraphNode, error) {
	out := map[int64]news.GraphNode{}
	for _, id := range ids {
		out[id] = news.GraphNode{ID: id}
	}
	return out, nil
}

func (f fakeGraph) Neighbours(ids, within []int64, types map[string]bool, top int) (map[int64][]GraphLink, error) {
	out := map[int64][]GraphLink{}
	for _, id := range ids {
		for _, l := range f[id] {
			if types[l.Type] {
				out[id] = append(out[id], l)
			}
		}
	}
	return out, nil
}

func TestWalk(t *testing.T) {
	g := fakeGraph{
		1: {{Other: 2, Out: true, Type: news.EdgeQuoteAbout, Weight: 3}, {Other: 3, Out: true, Type: news.EdgeEvent, Weight: 1, Label: "DENY,ATTACK"}},
		2: {{Other: 1, Type: news.EdgeQuoteAbout, Weight: 3}, {Other: 4, Type: news.EdgeCoOccurrence, Weight: 2}},
		3: {{Other: 1, Type: news.EdgeEvent, Weight: 1, Label: "DENY,ATTACK"}},
		4: {{Other: 2, Type: news.EdgeCoOccurrence, Weight: 2}},
	}
	got, err := Walk(news.GraphQuery{EntityID: 1, Hops: 1}, g)
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Nodes) != 3 || got.Nodes[0].ID != 1 || got.Nodes[1].ID != 2 || got.Nodes[1].Hop != 1 {
		t.Errorf("nodes: %+v; want 1, then 2 (strongest) and 3 at hop 1", got.Nodes)
	}
	want := []news.GraphEdge{{From: 1, To: 2, Type: news.EdgeQuoteAbout, Weight: 3}, {From: 1, To: 3, Type: news.EdgeEvent, Weight: 1, Label: "ATTACK, DENY"}}
	if len(got.Edges) != 2 || got.Edges[0] != want[0] || got.Edges[1] != want[1] {
		t.Errorf("edges: %+v, want %+v", got.Edges, want)
	}
	if got, _ := Walk(news.GraphQuery{EntityID: 1, Hops: 2}, g); len(got.Nodes) != 4 || got.Nodes[3].Hop != 2 {
		t.Errorf("two hops: %+v; want entity 4 at hop 2", got.Nodes)
	}
	if _, err := Walk(news.GraphQuery{EntityID: 9}, g); err != news.ErrNoSuchEntity {
		t.Errorf("unknown entity: %v", err)
	}
}

func TestMentionsName(t *testing.T) {
	cases := []struct {
		text  string
		names []string
		want  bool
	}{
		{"IS is a threat", []string{"IS"}, true},
		{"this is a threat", []string{"IS"}, false},
		{"Nisar said so", []string{"nisar"}, true},
		{"Nisaren said so", []string{"Nisar"}, false},
		{"", []string{""}, false},
	}
	for _, c := range cases {
		if got := MentionsName(c.text, c.names); got != c.want {
			t.Errorf("MentionsName(%q, %q) = %v, want %v", c.text, c.names, got, c.want)
		}
	}
	if !VariantOf([]string{"qadhafi"}, []string{"muammar", "gaddafi"}) || VariantOf([]string{"obama"}, []string{"osama"}) {
		t.Error("VariantOf: Qadhafi is a variant of Gaddafi, Obama is not of Osama")
	}
}
