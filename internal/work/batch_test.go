package work

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
)

// countingOptimizer counts the optimisations and whether their context
// was cancelled; err, when set, fails them.
type countingOptimizer struct {
	calls, cancelled int
	err              error
}

func (o *countingOptimizer) Optimize(ctx context.Context) error {
	o.calls++
	if ctx.Err() != nil {
		o.cancelled++
	}
	return o.err
}

// texts are n sources of different articles, from the from'th on.
func texts(from, n int) []Source {
	var srcs []Source
	for i := from; i < from+n; i++ {
		srcs = append(srcs, Source{Name: fmt.Sprint("text ", i), Text: []byte(fmt.Sprintf("Article %d. %s", i, article))})
	}
	return srcs
}

// The store is optimised after the batch in which OptimizeEvery new
// articles have been stored since the last optimisation: duplicates do not
// count, and the new articles of several batches add up.
func TestBatcherOptimizesEveryNArticles(t *testing.T) {
	store, opt := newMemStore(), &countingOptimizer{}
	var calls []hookCall
	b := &Batcher{Service: newTestService(t, store, &countingPipeline{}, &calls), Workers: 2, Store: opt, OptimizeEvery: 3}
	ctx := context.Background()
	var order []int
	done := func(i int, out Outcome, err error) {
		if err != nil {
			t.Errorf("source %d: %v", i, err)
		}
		order = append(order, i)
	}
	steps := []struct {
		srcs  []Source
		calls int
	}{
		{texts(0, 5), 1},                         // 5 new: optimised
		{append(texts(0, 2), texts(5, 2)...), 1}, // 2 duplicates, 2 new
		{texts(7, 1), 2},                         // 3 new since the last time
		{texts(8, 1), 2},
	}
	for n, s := range steps {
		order = order[:0]
		if err := b.Batch(ctx, s.srcs, done); err != nil {
			t.Fatal(err)
		}
		if opt.calls != s.calls {
			t.Errorf("after batch %d: %d optimisations, want %d", n+1, opt.calls, s.calls)
		}
		for i, got := range order {
			if got != i {
				t.Fatalf("batch %d: sources done in the order %v", n+1, order)
			}
		}
	}
	if store.articles != 9 || store.copies != 2 {
		t.Errorf("%d articles stored, %d duplicates recorded; want 9 and 2", store.articles, store.copies)
	}
}

// A batch that is interrupted still optimises the store when it stored
// enough new articles, with a context that is not cancelled, and an
// optimisation's error is returned with what failed.
func TestBatcherOptimizesWhenInterrupted(t *testing.T) {
	opt := &countingOptimizer{err: errors.New("disk full")}
	var calls []hookCall
	b := &Batcher{Service: newTestService(t, newMemStore(), &countingPipeline{}, &calls), Workers: 1, Store: opt, OptimizeEvery: 2}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	stored := 0
	err := b.Batch(ctx, texts(0, 10), func(i int, out Outcome, err error) {
		if stored++; stored == 2 {
			cancel()
		}
	})
	if opt.calls != 1 || opt.cancelled != 0 {
		t.Errorf("%d optimisations, %d of them cancelled; want one, not cancelled", opt.calls, opt.cancelled)
	}
	if err == nil || !strings.Contains(err.Error(), "optimize the store: disk full") {
		t.Errorf("error %v, want the optimisation's", err)
	}
	if stored >= 10 {
		t.Errorf("%d sources done after the cancellation", stored)
	}
}

// Without a store to optimise, or below OptimizeEvery, nothing is
// optimised.
func TestBatcherDefaultOptimizeEvery(t *testing.T) {
	opt := &countingOptimizer{}
	var calls []hookCall
	b := &Batcher{Service: newTestService(t, newMemStore(), &countingPipeline{}, &calls), Workers: 2, Store: opt}
	if err := b.Batch(context.Background(), texts(0, 20), func(int, Outcome, error) {}); err != nil {
		t.Fatal(err)
	}
	if opt.calls != 0 {
		t.Errorf("%d optimisations after 20 articles, want none before %d", opt.calls, DefaultOptimizeEvery)
	}
}
