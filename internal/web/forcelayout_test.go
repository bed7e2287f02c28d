package web

import (
	"fmt"
	"math"
	"testing"

	"github.com/newsgraph/newsgraph/internal/news"
)

// TestGraphLayoutIsForceDirected: an entity with twelve neighbours, six
// of which share articles with each other: the six are drawn together
// (not spread on a ring with the others), every node lies inside the
// drawing, no two overlap, and the same graph gets the same drawing.
func TestGraphLayoutIsForceDirected(t *testing.T) {
	g := &news.Graph{Nodes: []news.GraphNode{{ID: 1, Name: "root", Type: "PER", Articles: 9}}}
	for i := int64(2); i <= 13; i++ {
		g.Nodes = append(g.Nodes, news.GraphNode{ID: i, Name: fmt.Sprint("n", i), Type: "ORG", Articles: 1})
		g.Edges = append(g.Edges, news.GraphEdge{From: 1, To: i, Type: "co", Weight: 1})
	}
	for i := int64(2); i <= 7; i++ {
		for j := i + 1; j <= 7; j++ {
			g.Edges = append(g.Edges, news.GraphEdge{From: i, To: j, Type: "co", Weight: 4})
		}
	}
	out := layoutGraph(g)
	if again := layoutGraph(g); fmt.Sprint(again) != fmt.Sprint(out) {
		t.Errorf("two layouts of one graph differ")
	}
	if n := out.Nodes[0]; n.X != 320 || n.Y != 200 || !n.Root {
		t.Errorf("root at %v,%v, want the centre", n.X, n.Y)
	}
	for i, a := range out.Nodes {
		if a.X < 0 || a.Y < 0 || a.X > float64(out.Width) || a.Y > float64(out.Height) {
			t.Errorf("node %s at %v,%v: outside the drawing", a.Name, a.X, a.Y)
		}
		for _, b := range out.Nodes[i+1:] {
			if d := math.Hypot(a.X-b.X, a.Y-b.Y); d < a.R+b.R {
				t.Errorf("nodes %s and %s overlap (%.1f apart)", a.Name, b.Name, d)
			}
		}
	}
	spread := func(from, to int) float64 { // mean distance between nodes[from:to]
		sum, n := 0.0, 0
		for i := from; i < to; i++ {
			for j := i + 1; j < to; j++ {
				sum += math.Hypot(out.Nodes[i].X-out.Nodes[j].X, out.Nodes[i].Y-out.Nodes[j].Y)
				n++
			}
		}
		return sum / float64(n)
	}
	if cluster, others := spread(1, 7), spread(7, 13); cluster > 0.8*others {
		t.Errorf("the six that share articles are %.0f apart on average, the others %.0f: want them drawn together", cluster, others)
	}
}

// BenchmarkGraphLayout lays out an entity page's graph of 13 nodes.
func BenchmarkGraphLayout(b *testing.B) {
	g := &news.Graph{Nodes: []news.GraphNode{{ID: 1, Name: "root", Type: "PER"}}}
	for i := int64(2); i <= 13; i++ {
		g.Nodes = append(g.Nodes, news.GraphNode{ID: i, Name: fmt.Sprint("n", i), Type: "ORG"})
		g.Edges = append(g.Edges, news.GraphEdge{From: 1, To: i, Type: "co", Weight: int(i)})
	}
	for b.Loop() {
		layoutGraph(g)
	}
}
