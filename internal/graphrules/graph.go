package graphrules

import (
	"sort"
	"strings"

	"github.com/newsgraph/newsgraph/internal/news"
)

// GraphLink is one edge of the entity graph seen from a node: to the
// other entity.
type GraphLink struct {
	Other  int64
	Out    bool   // the node is the source (speaker, actor)
	Type   string // news.EdgeCoOccurrence, EdgeQuoteAbout or EdgeEvent
	Weight int
	Label  string // event types joined by commas, for event edges
}

// GraphSource is what Walk reads of a store.
type GraphSource interface {
	// Node returns one entity as a node, or an error wrapping
	// news.ErrNoSuchEntity.
	Node(id int64) (news.GraphNode, error)
	// Nodes returns the entities of ids as nodes.
	Nodes(ids []int64) (map[int64]news.GraphNode, error)
	// Neighbours returns the edges of the given types of each of ids, in
	// a few set-based queries. With within set, only edges to those
	// entities; of co-occurrences, only the top strongest of each id.
	// The store applies the query's node types and dates.
	Neighbours(ids, within []int64, types map[string]bool, top int) (map[int64][]GraphLink, error)
}

// Walk returns the neighbourhood of q.EntityID: a breadth-first walk that
// follows the Fanout strongest edges of each node, up to Hops hops (at
// most 3) and MaxNodes nodes, then every edge between the nodes found.
// Each hop costs the store a fixed number of queries, whatever its
// number of nodes.
func Walk(q news.GraphQuery, src GraphSource) (*news.Graph, error) {
	hops, fanout, maxNodes := q.Hops, q.Fanout, q.MaxNodes
	if hops <= 0 {
		hops = 1
	}
	hops = min(hops, 3)
	if fanout <= 0 {
		fanout = 10
	}
	if maxNodes <= 0 {
		maxNodes = 50
	}
	types := map[string]bool{}
	for _, t := range q.Types {
		types[t] = true
	}
	if len(types) == 0 {
		types = map[string]bool{news.EdgeCoOccurrence: true, news.EdgeQuoteAbout: true, news.EdgeEvent: true}
	}
	root, err := src.Node(q.EntityID)
	if err != nil {
		return nil, err
	}
	hop := map[int64]int{root.ID: 0}
	order := []int64{root.ID}
	links := map[int64][]GraphLink{}
	frontier := []int64{root.ID}
	for h := 1; h <= hops && len(frontier) > 0 && len(order) < maxNodes; h++ {
		found, err := src.Neighbours(frontier, nil, types, 2*fanout)
		if err != nil {
			return nil, err
		}
		var next []int64
		for _, id := range frontier {
			links[id] = found[id]
			best := strongest(found[id])
			for _, other := range best[:min(fanout, len(best))] {
				if _, seen := hop[other]; seen || len(order) >= maxNodes {
					continue
				}
				hop[other] = h
				order = append(order, other)
				next = append(next, other)
			}
		}
		frontier = next
	}
	// The last hop's nodes were not expanded: their edges among the
	// graph's nodes are still to find.
	var rest []int64
	for _, id := range order {
		if _, ok := links[id]; !ok {
			rest = append(rest, id)
		}
	}
	more, err := src.Neighbours(rest, order, types, maxNodes)
	if err != nil {
		return nil, err
	}
	for _, id := range rest {
		links[id] = more[id]
	}
	nodes, err := src.Nodes(order)
	if err != nil {
		return nil, err
	}
	return assemble(order, hop, nodes, links), nil
}

// assemble makes the graph of the nodes in order (their hops in hop)
// with every edge of links between two of them, one per pair and type.
func assemble(order []int64, hop map[int64]int, nodes map[int64]news.GraphNode, links map[int64][]GraphLink) *news.Graph {
	g := &news.Graph{}
	for _, id := range order {
		n := nodes[id]
		n.Hop = hop[id]
		g.Nodes = append(g.Nodes, n)
	}
	type key struct {
		from, to int64
		typ      string
	}
	edges := map[key]news.GraphEdge{}
	for _, id := range order {
		for _, l := range links[id] {
			if _, in := hop[l.Other]; !in {
				continue
			}
			from, to := id, l.Other
			if !l.Out && l.Type != news.EdgeCoOccurrence || l.Type == news.EdgeCoOccurrence && to < from {
				from, to = to, from
			}
			edges[key{from, to, l.Type}] = news.GraphEdge{From: from, To: to, Type: l.Type, Weight: l.Weight, Label: sortedLabel(l.Label)}
		}
	}
	for _, e := range edges {
		g.Edges = append(g.Edges, e)
	}
	sort.Slice(g.Edges, func(i, j int) bool {
		a, b := g.Edges[i], g.Edges[j]
		if a.From != b.From {
			return a.From < b.From
		}
		if a.To != b.To {
			return a.To < b.To
		}
		return a.Type < b.Type
	})
	return g
}

// strongest orders a node's neighbours by their summed edge weights,
// strongest first, then by id.
func strongest(ls []GraphLink) []int64 {
	weight := map[int64]int{}
	for _, l := range ls {
		weight[l.Other] += l.Weight
	}
	ids := make([]int64, 0, len(weight))
	for id := range weight {
		ids = append(ids, id)
	}
	sort.Slice(ids, func(i, j int) bool {
		if weight[ids[i]] != weight[ids[j]] {
			return weight[ids[i]] > weight[ids[j]]
		}
		return ids[i] < ids[j]
	})
	return ids
}

// sortedLabel is a comma-separated list of event types sorted and joined
// by ", ".
func sortedLabel(s string) string {
	if s == "" {
		return ""
	}
	parts := strings.Split(s, ",")
	sort.Strings(parts)
	return strings.Join(parts, ", ")
}
