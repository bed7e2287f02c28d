package work

import "context"

// DefaultAhead is the number of results per worker that Ordered lets wait
// for the consumer before it stops starting new work.
const DefaultAhead = 4

// Ordered runs work(ctx, i) for every i in [0, n) on up to workers
// goroutines and calls emit(i, v) with each result, on the calling
// goroutine, in the order of i, as soon as the results before it have been
// emitted. At most ahead*workers results are started but not yet emitted
// (ahead <= 0 means DefaultAhead), which bounds memory when emit is slower
// than work.
//
// When ctx is cancelled, no new work starts, the work running finishes,
// and Ordered returns ctx's error without emitting the rest; it returns
// nil when every result was emitted. work must itself honour ctx to stop
// early.
func Ordered[T any](ctx context.Context, n, workers, ahead int, work func(ctx context.Context, i int) T, emit func(i int, v T)) error {
	if n == 0 {
		return nil
	}
	workers = max(workers, 1)
	if ahead <= 0 {
		ahead = DefaultAhead
	}
	done := make([]chan T, n)
	for i := range done {
		done[i] = make(chan T, 1)
	}
	next := make(chan int)
	slots := make(chan struct{}, ahead*workers)
	for w := 0; w < min(workers, n); w++ {
		go func() {
			for i := range next {
				done[i] <- work(ctx, i)
			}
		}()
	}
	go feedIndexes(ctx, n, slots, next)
	for i := range n {
		var v T
		select {
		case v = <-done[i]:
		case <-ctx.Done():
			return ctx.Err()
		}
		<-slots
		emit(i, v)
	}
	return nil
}

// feedIndexes sends 0..n-1 on next, each after taking a slot, and closes next at
// the end or when ctx is cancelled.
func feedIndexes(ctx context.Context, n int, slots chan<- struct{}, next chan<- int) {
	defer close(next)
	for i := range n {
		select {
		case slots <- struct{}{}:
		case <-ctx.Done():
			return
		}
		select {
		case next <- i:
		case <-ctx.Done():
			return
		}
	}
}
