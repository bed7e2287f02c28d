-- Articles: one row per distinct article, with its contract JSON. body is
-- the cleaned text (the contract's "text"), indexed by articles_fts.
CREATE TABLE articles (
	id            INTEGER PRIMARY KEY,
	hash          TEXT NOT NULL UNIQUE,      -- contract id: sha256 of the text
	canonical_url TEXT UNIQUE,               -- NULL when the article has no URL
	url           TEXT NOT NULL DEFAULT '',
	source        TEXT NOT NULL,
	feed          TEXT NOT NULL DEFAULT '',
	title         TEXT NOT NULL DEFAULT '',
	published     TEXT NOT NULL DEFAULT '',  -- YYYY-MM-DD or ''
	ingested      TEXT NOT NULL,             -- RFC 3339, UTC
	body          TEXT NOT NULL,
	contract      BLOB NOT NULL
);
CREATE INDEX articles_published ON articles(published);

-- Full-text index over title and body, kept in step by triggers; the
-- text itself lives only in articles (external content).
CREATE VIRTUAL TABLE articles_fts USING fts5(
	title, body, content='articles', content_rowid='id',
	tokenize='unicode61 remove_diacritics 2'
);
CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
	INSERT INTO articles_fts(rowid, title, body) VALUES (new.id, new.title, new.body);
END;
CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
	INSERT INTO articles_fts(articles_fts, rowid, title, body) VALUES ('delete', old.id, old.title, old.body);
END;

-- MinHash signatures and their LSH band keys, to find near-duplicates.
CREATE TABLE minhash (
	article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
	sig        BLOB NOT NULL
);
CREATE TABLE minhash_bands (
	key        INTEGER NOT NULL,
	article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
	PRIMARY KEY (key, article_id)
) WITHOUT ROWID;

-- Inputs that were not stored because they duplicate a stored article.
CREATE TABLE duplicates (
	id            INTEGER PRIMARY KEY,
	article_id    INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE, -- the first copy
	kind          TEXT NOT NULL,      -- exact | near
	reason        TEXT NOT NULL,
	similarity    REAL NOT NULL,
	hash          TEXT NOT NULL UNIQUE,
	canonical_url TEXT,
	source        TEXT NOT NULL,
	seen          TEXT NOT NULL
);
CREATE INDEX duplicates_url ON duplicates(canonical_url);
CREATE INDEX duplicates_article ON duplicates(article_id);

-- Entities across articles. entity_names holds every name and alias under
-- a normalised key (lower case, no accents or punctuation).
CREATE TABLE entities (
	id       INTEGER PRIMARY KEY,
	type     TEXT NOT NULL,
	name     TEXT NOT NULL,
	articles INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE entity_names (
	key       TEXT NOT NULL,
	entity_id INTEGER NOT NULL REFERENCES entities(id),
	name      TEXT NOT NULL,
	kind      TEXT NOT NULL,  -- name | alias
	PRIMARY KEY (key, entity_id)
) WITHOUT ROWID;
CREATE INDEX entity_names_entity ON entity_names(entity_id);
CREATE TABLE entity_titles (
	entity_id INTEGER NOT NULL REFERENCES entities(id),
	title     TEXT NOT NULL,
	PRIMARY KEY (entity_id, title)
) WITHOUT ROWID;

-- Which article entity (E1, ...) became which store entity, and why.
CREATE TABLE article_entities (
	article_id   INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
	local_id     TEXT NOT NULL,
	entity_id    INTEGER NOT NULL REFERENCES entities(id),
	mentions     INTEGER NOT NULL,
	merge_reason TEXT NOT NULL,
	PRIMARY KEY (article_id, local_id)
) WITHOUT ROWID;
CREATE INDEX article_entities_entity ON article_entities(entity_id, article_id);

CREATE TABLE quotes (
	id         INTEGER PRIMARY KEY,
	article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
	local_id   TEXT NOT NULL,
	kind       TEXT NOT NULL,
	text       TEXT NOT NULL,
	speaker_id INTEGER REFERENCES entities(id),
	cue        TEXT NOT NULL DEFAULT '',
	sourcing   TEXT NOT NULL DEFAULT '',
	UNIQUE (article_id, local_id)
);
CREATE INDEX quotes_speaker ON quotes(speaker_id);

CREATE TABLE events (
	id         INTEGER PRIMARY KEY,
	article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
	local_id   TEXT NOT NULL,
	type       TEXT NOT NULL,
	actor_id   INTEGER REFERENCES entities(id),
	target_id  INTEGER REFERENCES entities(id),
	place_id   INTEGER REFERENCES entities(id),
	date       TEXT NOT NULL DEFAULT '',
	trigger    TEXT NOT NULL DEFAULT '',
	negated    INTEGER NOT NULL DEFAULT 0,
	hedged     INTEGER NOT NULL DEFAULT 0,
	UNIQUE (article_id, local_id)
);
CREATE INDEX events_actor ON events(actor_id);

-- Claims with store entities, so that claims of a new article are compared
-- with stored claims about the same subject and object.
CREATE TABLE claims (
	id         INTEGER PRIMARY KEY,
	article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
	local_id   TEXT NOT NULL,
	speaker_id INTEGER REFERENCES entities(id),
	polarity   TEXT NOT NULL,
	subject_id INTEGER REFERENCES entities(id),
	predicate  TEXT NOT NULL,
	object_id  INTEGER REFERENCES entities(id),
	quote_id   INTEGER REFERENCES quotes(id),
	event      TEXT NOT NULL DEFAULT '',
	UNIQUE (article_id, local_id)
);
CREATE INDEX claims_subject_object ON claims(subject_id, object_id);
CREATE INDEX claims_speaker ON claims(speaker_id);

-- Pairs of claims that cannot both hold: scope 'article' when the claim
-- stage found them in one article, 'cross' when found across articles.
CREATE TABLE contradictions (
	id      INTEGER PRIMARY KEY,
	claim_a INTEGER NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
	claim_b INTEGER NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
	scope   TEXT NOT NULL,
	why     TEXT NOT NULL,
	UNIQUE (claim_a, claim_b)
);

-- Feeds polled with --watch: conditional-request headers and back-off.
CREATE TABLE feeds (
	url           TEXT PRIMARY KEY,
	etag          TEXT NOT NULL DEFAULT '',
	last_modified TEXT NOT NULL DEFAULT '',
	last_checked  TEXT NOT NULL DEFAULT '',
	failures      INTEGER NOT NULL DEFAULT 0,
	last_error    TEXT NOT NULL DEFAULT ''
);
