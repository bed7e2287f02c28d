-- Watchlists, their alerts, webhooks and the outbox of deliveries: the
-- tables of internal/sqlite's migrations 0010 and 0011, in PostgreSQL's
-- types (watch.go and outbox.go).

-- Watchlists: named sets of alert rules (package internal/watch). spec is
-- the watchlist as canonical JSON; the store reads only the rules' names.
CREATE TABLE watchlists (
	id          bigserial PRIMARY KEY,
	name        text COLLATE "C" NOT NULL UNIQUE,
	description text COLLATE "C" NOT NULL DEFAULT '',
	spec        bytea NOT NULL,
	created     text COLLATE "C" NOT NULL,  -- RFC 3339, UTC
	updated     text COLLATE "C" NOT NULL
);

-- The rules of each watchlist, by name: a watchlist stored again keeps the
-- ids of the rules whose names it still has, so their alerts still count.
CREATE TABLE watch_rules (
	id           bigserial PRIMARY KEY,
	watchlist_id bigint NOT NULL REFERENCES watchlists(id) ON DELETE CASCADE,
	name         text COLLATE "C" NOT NULL,
	position     integer NOT NULL,
	UNIQUE (watchlist_id, name)
);

-- Alerts: a rule fired on an article, at most once (the unique pair), with
-- the sentences (JSON [{"start","end","text"}], code points into the
-- contract's text) that made it fire and a one-line explanation.
CREATE TABLE alerts (
	id         bigserial PRIMARY KEY,
	rule_id    bigint NOT NULL REFERENCES watch_rules(id) ON DELETE CASCADE,
	article_id bigint NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
	sentences  text NOT NULL,
	why        text NOT NULL,
	created    text COLLATE "C" NOT NULL,   -- RFC 3339, UTC
	UNIQUE (rule_id, article_id)
);
CREATE INDEX alerts_article ON alerts(article_id);

-- Webhooks of watchlists (package internal/alert): where the alerts of a
-- watchlist's rules are POSTed, and the secret they are signed with. A
-- deliverer claiming a watchlist's next delivery locks its row (FOR
-- UPDATE SKIP LOCKED), so that processes never claim two deliveries of
-- one webhook at once.
CREATE TABLE watchlist_webhooks (
	watchlist_id bigint PRIMARY KEY REFERENCES watchlists(id) ON DELETE CASCADE,
	url          text NOT NULL,
	secret       text NOT NULL,
	updated      text COLLATE "C" NOT NULL  -- RFC 3339, UTC
);

-- The outbox: one row per alert queued for its watchlist's webhook. The
-- trigger below adds it in the transaction that stores the alert, whichever
-- process stores it, so a delivery is never lost to a crash (at least
-- once). due is the next try in Unix milliseconds; claimed_until the end
-- of the lease of a deliverer sending it (one killed while sending leaves
-- it due again after the lease). A watchlist has one try in flight at a
-- time, so a webhook that hangs holds one deliverer, not all.
CREATE TABLE alert_outbox (
	alert_id      bigint PRIMARY KEY REFERENCES alerts(id) ON DELETE CASCADE,
	watchlist_id  bigint NOT NULL,
	state         text COLLATE "C" NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'delivered', 'failed')),
	attempts      integer NOT NULL DEFAULT 0,
	due           bigint NOT NULL DEFAULT 0,
	claimed_until bigint NOT NULL DEFAULT 0,
	last_error    text NOT NULL DEFAULT '',
	updated       text COLLATE "C" NOT NULL  -- RFC 3339, UTC
);
CREATE INDEX alert_outbox_pending ON alert_outbox(watchlist_id, due, alert_id) WHERE state = 'pending';
CREATE INDEX alert_outbox_claimed ON alert_outbox(watchlist_id, claimed_until) WHERE state = 'pending';

-- The function runs with the search_path it was created with (the store's
-- schema), whoever inserts the alert.
CREATE FUNCTION alert_outbox_enqueue() RETURNS trigger LANGUAGE plpgsql
SET search_path FROM CURRENT AS $$
BEGIN
	INSERT INTO alert_outbox (alert_id, watchlist_id, updated)
		SELECT NEW.id, r.watchlist_id, NEW.created
		FROM watch_rules r JOIN watchlist_webhooks h ON h.watchlist_id = r.watchlist_id
		WHERE r.id = NEW.rule_id
		ON CONFLICT (alert_id) DO NOTHING;
	RETURN NULL;
END
$$;

CREATE TRIGGER alert_outbox_enqueue AFTER INSERT ON alerts
	FOR EACH ROW EXECUTE FUNCTION alert_outbox_enqueue();
