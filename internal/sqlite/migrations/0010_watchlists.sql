-- Watchlists: named sets of alert rules (package internal/watch). spec is
-- the watchlist as canonical JSON; the store reads only the rules' names.
CREATE TABLE watchlists (
	id          INTEGER PRIMARY KEY,
	name        TEXT NOT NULL UNIQUE,
	description TEXT NOT NULL DEFAULT '',
	spec        BLOB NOT NULL,
	created     TEXT NOT NULL,            -- RFC 3339, UTC
	updated     TEXT NOT NULL
);

-- The rules of each watchlist, by name: a watchlist stored again keeps the
-- ids of the rules whose names it still has, so their alerts still count.
CREATE TABLE watch_rules (
	id           INTEGER PRIMARY KEY,
	watchlist_id INTEGER NOT NULL REFERENCES watchlists(id) ON DELETE CASCADE,
	name         TEXT NOT NULL,
	position     INTEGER NOT NULL,
	UNIQUE (watchlist_id, name)
);

-- Alerts: a rule fired on an article, at most once (the unique pair), with
-- the sentences (JSON [{"start","end","text"}], code points into the
-- contract's text) that made it fire and a one-line explanation.
CREATE TABLE alerts (
	id         INTEGER PRIMARY KEY,
	rule_id    INTEGER NOT NULL REFERENCES watch_rules(id) ON DELETE CASCADE,
	article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
	sentences  TEXT NOT NULL,
	why        TEXT NOT NULL,
	created    TEXT NOT NULL,             -- RFC 3339, UTC
	UNIQUE (rule_id, article_id)
);
CREATE INDEX alerts_article ON alerts(article_id);
