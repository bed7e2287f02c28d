package work

import (
	"context"
	"errors"
	"math/rand/v2"
	"sync/atomic"
	"testing"
	"time"
)

// Results come out in input order whatever order the workers finish in,
// and no more than ahead*workers are started before they are emitted (one
// more while the result whose slot was freed is being emitted).
func TestOrdered(t *testing.T) {
	const n, workers, ahead = 200, 4, 2
	var started, emitted atomic.Int64
	var got []int
	work := func(ctx context.Context, i int) int {
		if s := started.Add(1); s-emitted.Load() > ahead*workers+1 {
			t.Errorf("%d results started but not emitted, want at most %d", s-emitted.Load(), ahead*workers+1)
		}
		time.Sleep(time.Duration(rand.IntN(200)) * time.Microsecond)
		return i * i
	}
	emit := func(i, v int) {
		if v != i*i {
			t.Errorf("emit(%d, %d)", i, v)
		}
		got = append(got, i)
		emitted.Add(1)
	}
	if err := Ordered(context.Background(), n, workers, ahead, work, emit); err != nil {
		t.Fatal(err)
	}
	for i, v := range got {
		if v != i {
			t.Fatalf("emitted %d at position %d", v, i)
		}
	}
	if len(got) != n {
		t.Errorf("emitted %d of %d", len(got), n)
	}
}

// A cancelled run stops emitting and returns the context's error.
func TestOrderedCancel(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	emitted := 0
	work := func(ctx context.Context, i int) int { return i }
	emit := func(i, v int) {
		emitted++
		if i == 9 {
			cancel()
		}
	}
	err := Ordered(ctx, 1000, 2, 0, work, emit)
	if !errors.Is(err, context.Canceled) {
		t.Errorf("error %v, want context.Canceled", err)
	}
	if emitted >= 1000 {
		t.Errorf("emitted all %d after the cancel", emitted)
	}
	if err := Ordered(context.Background(), 0, 2, 0, work, emit); err != nil {
		t.Errorf("no work: %v", err)
	}
}

// BenchmarkOrdered measures what the ordered runner adds per item (its
// channels and goroutine hand-offs) around work that costs nothing, on 2
// workers; an article costs tens of milliseconds, so this is its overhead.
//
//	go test -run '^$' -bench Ordered ./internal/work
func BenchmarkOrdered(b *testing.B) {
	const n = 1000
	sum := 0
	for b.Loop() {
		Ordered(context.Background(), n, 2, 0, func(ctx context.Context, i int) int { return i }, func(i, v int) { sum += v })
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(n*b.N), "ns/item")
}
