-- Webhooks of watchlists (package internal/alert): where the alerts of a
-- watchlist's rules are POSTed, and the secret they are signed with.
CREATE TABLE watchlist_webhooks (
	watchlist_id INTEGER PRIMARY KEY REFERENCES watchlists(id) ON DELETE CASCADE,
	url          TEXT NOT NULL,
	secret       TEXT NOT NULL,
	updated      TEXT NOT NULL              -- RFC 3339, UTC
);

-- The outbox: one row per alert queued for its watchlist's webhook. The
-- trigger below adds it in the transaction that stores the alert, whichever
-- process stores it, so a delivery is never lost to a crash (at least
-- once). due is the next try in Unix milliseconds; claimed_until the end
-- of the lease of a deliverer sending it (one killed while sending leaves
-- it due again after the lease). A watchlist has one try in flight at a
-- time, so a webhook that hangs holds one deliverer, not all.
CREATE TABLE alert_outbox (
	alert_id      INTEGER PRIMARY KEY REFERENCES alerts(id) ON DELETE CASCADE,
	watchlist_id  INTEGER NOT NULL,
	state         TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'delivered', 'failed')),
	attempts      INTEGER NOT NULL DEFAULT 0,
	due           INTEGER NOT NULL DEFAULT 0,
	claimed_until INTEGER NOT NULL DEFAULT 0,
	last_error    TEXT NOT NULL DEFAULT '',
	updated       TEXT NOT NULL              -- RFC 3339, UTC
);
CREATE INDEX alert_outbox_pending ON alert_outbox(watchlist_id, due, alert_id) WHERE state = 'pending';
CREATE INDEX alert_outbox_claimed ON alert_outbox(watchlist_id, claimed_until) WHERE state = 'pending';

CREATE TRIGGER alert_outbox_enqueue AFTER INSERT ON alerts
WHEN EXISTS (SELECT 1 FROM watch_rules r JOIN watchlist_webhooks h ON h.watchlist_id = r.watchlist_id WHERE r.id = NEW.rule_id)
BEGIN
	INSERT OR IGNORE INTO alert_outbox (alert_id, watchlist_id, updated)
		SELECT NEW.id, r.watchlist_id, NEW.created FROM watch_rules r WHERE r.id = NEW.rule_id;
END;
