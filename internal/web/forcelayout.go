package web

import "math"

// Force layout settings: the iterations of the simulation and the margin
// kept free at the edges of the drawing.
const (
	forceIterations = 300
	forceMargin     = 40.0
)

// forceEdge joins nodes a and b (indexes) with a weight (shared articles,
// quotes or events): heavier edges pull their nodes closer.
type forceEdge struct {
	a, b   int
	weight int
}

// forceLayout places n nodes in a w x h drawing by a force-directed
// simulation (Fruchterman and Reingold): every two nodes repel, edges
// attract in proportion to the log of their weight, node 0 (the entity of
// the page) is held at the centre. It starts from a spiral, so the same
// graph always gets the same drawing, and runs forceIterations steps of
// O(n² + edges): the graphs of entity pages have a few dozen nodes.
func forceLayout(n int, edges []forceEdge, w, h float64) (xs, ys []float64) {
	xs, ys = make([]float64, n), make([]float64, n)
	if n == 0 {
		return xs, ys
	}
	cx, cy := w/2, h/2
	k := math.Sqrt((w - 2*forceMargin) * (h - 2*forceMargin) / float64(n)) // ideal distance
	for i := range xs {
		// A golden-angle spiral: no two nodes start at one point.
		r, a := k*0.5*math.Sqrt(float64(i)), float64(i)*2.39996
		xs[i], ys[i] = cx+r*math.Cos(a), cy+r*math.Sin(a)
	}
	dx, dy := make([]float64, n), make([]float64, n)
	temp := w / 10
	for it := 0; it < forceIterations; it++ {
		clear(dx)
		clear(dy)
		for i := 0; i < n; i++ {
			for j := i + 1; j < n; j++ {
				ddx, ddy, d := delta(xs, ys, i, j)
				f := k * k / d
				dx[i], dy[i] = dx[i]+ddx/d*f, dy[i]+ddy/d*f
				dx[j], dy[j] = dx[j]-ddx/d*f, dy[j]-ddy/d*f
			}
		}
		for _, e := range edges {
			ddx, ddy, d := delta(xs, ys, e.a, e.b)
			f := d * d / k * (1 + math.Log2(float64(max(1, e.weight)))) / 2
			dx[e.a], dy[e.a] = dx[e.a]-ddx/d*f, dy[e.a]-ddy/d*f
			dx[e.b], dy[e.b] = dx[e.b]+ddx/d*f, dy[e.b]+ddy/d*f
		}
		for i := 1; i < n; i++ {
			d := math.Max(0.01, math.Hypot(dx[i], dy[i]))
			step := math.Min(d, temp)
			xs[i] = clamp(xs[i]+dx[i]/d*step, forceMargin, w-forceMargin)
			ys[i] = clamp(ys[i]+dy[i]/d*step, forceMargin, h-forceMargin)
		}
		xs[0], ys[0] = cx, cy
		temp *= 0.985
	}
	return xs, ys
}

// delta returns the vector from node j to node i and its length (never
// zero).
func delta(xs, ys []float64, i, j int) (dx, dy, d float64) {
	dx, dy = xs[i]-xs[j], ys[i]-ys[j]
	d = math.Hypot(dx, dy)
	if d < 0.01 {
		dx, dy, d = 0.01, 0, 0.01
	}
	return dx, dy, d
}

func clamp(x, lo, hi float64) float64 { return math.Max(lo, math.Min(hi, x)) }
