package alert

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"time"

	"github.com/newsgraph/newsgraph/internal/fetch"
)

// MinSecretBytes is the shortest webhook secret accepted.
const MinSecretBytes = 16

// Webhook is a watchlist's webhook: where its alerts are POSTed and the
// secret they are signed with. It is a delivery setting kept beside the
// watchlist's rules (WebhookStore), not in the rule file.
type Webhook struct {
	URL    string `json:"url"`
	Secret string `json:"secret,omitempty"`
}

// Check returns a one-line error when the URL is not an http or https
// URL, names a loopback, private or link-local host (unless
// allowPrivate), or the secret is shorter than MinSecretBytes.
func (w Webhook) Check(allowPrivate bool) error {
	if _, err := fetch.CheckURL(w.URL, allowPrivate); err != nil {
		if errors.Is(err, fetch.ErrBlockedAddress) {
			return fmt.Errorf("webhook url: %w (serve --webhook-allow-private allows it)", err)
		}
		return fmt.Errorf("webhook url: %w", err)
	}
	if len(w.Secret) < MinSecretBytes {
		return fmt.Errorf("webhook secret: %d bytes, at least %d (leave it out to get a random one)", len(w.Secret), MinSecretBytes)
	}
	return nil
}

// NewSecret returns a random secret: 32 bytes, hex-encoded.
func NewSecret() string {
	b := make([]byte, 32)
	rand.Read(b) // never fails (crypto/rand)
	return hex.EncodeToString(b)
}

// Status is where the delivery of one alert to its webhook stands.
type Status struct {
	State     string    `json:"state"` // StatePending, StateDelivered or StateFailed
	Attempts  int       `json:"attempts"`
	LastError string    `json:"last_error,omitempty"`
	Updated   time.Time `json:"updated"`
}

// WebhookStore keeps the webhooks of watchlists and the state of their
// deliveries. Implementations: internal/sqlite, internal/postgres.
type WebhookStore interface {
	// PutWebhook sets (or replaces) watchlist id's webhook; alerts the
	// watchlist's rules fire from now on are queued for it. It returns
	// news.ErrNoSuchWatchlist for an unknown id.
	PutWebhook(ctx context.Context, watchlistID int64, w Webhook) error
	// Webhook returns watchlist id's webhook, nil when it has none.
	Webhook(ctx context.Context, watchlistID int64) (*Webhook, error)
	// DeleteWebhook removes watchlist id's webhook (none is not an
	// error); deliveries still waiting for it are marked failed.
	DeleteWebhook(ctx context.Context, watchlistID int64) error
	// DeliveryStatus returns the delivery state of those of alertIDs
	// that were queued for a webhook.
	DeliveryStatus(ctx context.Context, alertIDs []int64) (map[int64]Status, error)
}
