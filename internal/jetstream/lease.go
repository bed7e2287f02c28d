package jetstream

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"

	njs "github.com/nats-io/nats.go/jetstream"
)

// Lease is one worker's exclusive right to a named thing (a feed to poll)
// until it releases it or LeaseTTL passes without a renewal (its worker
// died).
type Lease struct {
	kv     njs.KeyValue
	key    string
	holder []byte
	rev    uint64
}

// TryLease takes the lease on name for holder, or returns nil, nil when
// another holder has it.
func (q *Queue) TryLease(ctx context.Context, name, holder string) (*Lease, error) {
	l := &Lease{kv: q.leases, key: leaseKey(name), holder: []byte(holder)}
	rev, err := q.leases.Create(ctx, l.key, l.holder)
	if errors.Is(err, njs.ErrKeyExists) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("lease %s: %w", name, err)
	}
	l.rev = rev
	return l, nil
}

// Renew starts the lease's LeaseTTL again. It fails when the lease was
// lost (it expired and another holder took it).
func (l *Lease) Renew(ctx context.Context) error {
	rev, err := l.kv.Update(ctx, l.key, l.holder, l.rev)
	if err != nil {
		return fmt.Errorf("renew lease: %w", err)
	}
	l.rev = rev
	return nil
}

// Release gives the lease up, unless it was lost meanwhile.
func (l *Lease) Release(ctx context.Context) error {
	err := l.kv.Delete(ctx, l.key, njs.LastRevision(l.rev))
	if err != nil && !errors.Is(err, njs.ErrKeyNotFound) {
		return fmt.Errorf("release lease: %w", err)
	}
	return nil
}

// leaseKey is a key-value key for any name (keys allow few characters).
func leaseKey(name string) string {
	sum := sha256.Sum256([]byte(name))
	return "lease_" + hex.EncodeToString(sum[:16])
}
