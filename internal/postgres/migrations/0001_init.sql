-- The schema of the PostgreSQL store: the same tables as internal/sqlite's
-- (after its migrations 0001 to 0009), in PostgreSQL's types. Every text
-- column sorts by bytes (COLLATE "C"), as SQLite's BINARY does, so that
-- both stores order names and dates alike.

-- Articles: one row per distinct article, with its contract JSON. tsv is
-- the full-text index of title (weight A) and body (weight B), written by
-- the store (see tsvector.go) from the text folded as the search syntax
-- folds it.
CREATE TABLE articles (
	id            bigserial PRIMARY KEY,
	hash          text COLLATE "C" NOT NULL UNIQUE,
	canonical_url text COLLATE "C" UNIQUE,
	url           text COLLATE "C" NOT NULL DEFAULT '',
	source        text COLLATE "C" NOT NULL,
	feed          text COLLATE "C" NOT NULL DEFAULT '',
	title         text COLLATE "C" NOT NULL DEFAULT '',
	published     text COLLATE "C" NOT NULL DEFAULT '',  -- YYYY-MM-DD or ''
	ingested      text COLLATE "C" NOT NULL,             -- RFC 3339, UTC
	body          text NOT NULL,
	contract      bytea NOT NULL,
	language      text COLLATE "C" NOT NULL DEFAULT 'en',
	tsv           tsvector NOT NULL
);
-- The vector stays in the row (compressed) while body and contract go to
-- TOAST first: ranking reads it for every match, and a TOAST fetch per
-- match made ranking a common word in 10,000 articles three times slower.
ALTER TABLE articles ALTER COLUMN tsv SET STORAGE MAIN;
CREATE INDEX articles_published ON articles(published);
CREATE INDEX articles_language ON articles(language, published);
CREATE INDEX articles_tsv ON articles USING gin (tsv);

-- The full-text index's vocabulary, one row per indexed word: a search
-- counts here what a word* prefix stands for before running it.
CREATE TABLE search_words (
	word text COLLATE "C" PRIMARY KEY
);

-- MinHash signatures and their LSH band keys, to find near-duplicates.
CREATE TABLE minhash (
	article_id bigint PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
	sig        bytea NOT NULL
);
CREATE TABLE minhash_bands (
	key        bigint NOT NULL,
	article_id bigint NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
	PRIMARY KEY (key, article_id)
);

-- Inputs that were not stored because they duplicate a stored article.
CREATE TABLE duplicates (
	id            bigserial PRIMARY KEY,
	article_id    bigint NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
	kind          text COLLATE "C" NOT NULL,
	reason        text COLLATE "C" NOT NULL,
	similarity    double precision NOT NULL,
	hash          text COLLATE "C" NOT NULL UNIQUE,
	canonical_url text COLLATE "C",
	source        text COLLATE "C" NOT NULL,
	seen          text COLLATE "C" NOT NULL
);
CREATE INDEX duplicates_url ON duplicates(canonical_url);
CREATE INDEX duplicates_article ON duplicates(article_id);

-- Entities across articles. The store gives a new entity one more than
-- the highest id any entity had, merged away ones included (see
-- nextEntityID), as the SQLite store does.
CREATE TABLE entities (
	id       bigserial PRIMARY KEY,
	type     text COLLATE "C" NOT NULL,
	name     text COLLATE "C" NOT NULL,
	articles integer NOT NULL DEFAULT 0
);
CREATE INDEX entities_articles ON entities(articles DESC, id);
CREATE TABLE entity_names (
	key       text COLLATE "C" NOT NULL,
	entity_id bigint NOT NULL REFERENCES entities(id),
	name      text COLLATE "C" NOT NULL,
	kind      text COLLATE "C" NOT NULL,  -- name | alias
	uses      integer NOT NULL DEFAULT 0,
	loose     text COLLATE "C" NOT NULL DEFAULT '',
	PRIMARY KEY (key, entity_id)
);
CREATE INDEX entity_names_entity ON entity_names(entity_id);
CREATE INDEX entity_names_loose ON entity_names(loose);
CREATE TABLE entity_titles (
	entity_id bigint NOT NULL REFERENCES entities(id),
	title     text COLLATE "C" NOT NULL,
	PRIMARY KEY (entity_id, title)
);

CREATE TABLE article_entities (
	article_id   bigint NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
	local_id     text COLLATE "C" NOT NULL,
	entity_id    bigint NOT NULL REFERENCES entities(id),
	mentions     integer NOT NULL,
	merge_reason text COLLATE "C" NOT NULL,
	country      text COLLATE "C" NOT NULL DEFAULT '',
	feature      text COLLATE "C" NOT NULL DEFAULT '',
	lat          double precision,
	lon          double precision,
	geonames_id  bigint,
	PRIMARY KEY (article_id, local_id)
);
CREATE INDEX article_entities_entity ON article_entities(entity_id, article_id);
CREATE INDEX article_entities_place ON article_entities(entity_id) WHERE lat IS NOT NULL;
CREATE INDEX article_entities_country ON article_entities(country, article_id) WHERE country != '';

CREATE TABLE quotes (
	id         bigserial PRIMARY KEY,
	article_id bigint NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
	local_id   text COLLATE "C" NOT NULL,
	kind       text COLLATE "C" NOT NULL,
	text       text COLLATE "C" NOT NULL,
	speaker_id bigint REFERENCES entities(id),
	cue        text COLLATE "C" NOT NULL DEFAULT '',
	sourcing   text COLLATE "C" NOT NULL DEFAULT '',
	UNIQUE (article_id, local_id)
);
CREATE INDEX quotes_speaker ON quotes(speaker_id);

CREATE TABLE events (
	id         bigserial PRIMARY KEY,
	article_id bigint NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
	local_id   text COLLATE "C" NOT NULL,
	type       text COLLATE "C" NOT NULL,
	actor_id   bigint REFERENCES entities(id),
	target_id  bigint REFERENCES entities(id),
	place_id   bigint REFERENCES entities(id),
	date       text COLLATE "C" NOT NULL DEFAULT '',
	trigger    text COLLATE "C" NOT NULL DEFAULT '',
	negated    boolean NOT NULL DEFAULT false,
	hedged     boolean NOT NULL DEFAULT false,
	UNIQUE (article_id, local_id)
);
CREATE INDEX events_actor ON events(actor_id);
CREATE INDEX events_target ON events(target_id);

CREATE TABLE claims (
	id             bigserial PRIMARY KEY,
	article_id     bigint NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
	local_id       text COLLATE "C" NOT NULL,
	speaker_id     bigint REFERENCES entities(id),
	polarity       text COLLATE "C" NOT NULL,
	subject_id     bigint REFERENCES entities(id),
	predicate      text COLLATE "C" NOT NULL,
	object_id      bigint REFERENCES entities(id),
	quote_id       bigint REFERENCES quotes(id),
	event          text COLLATE "C" NOT NULL DEFAULT '',
	word           text COLLATE "C" NOT NULL DEFAULT '',
	object_country text COLLATE "C" NOT NULL DEFAULT '',
	object_feature text COLLATE "C" NOT NULL DEFAULT '',
	UNIQUE (article_id, local_id)
);
CREATE INDEX claims_subject_object ON claims(subject_id, object_id);
CREATE INDEX claims_subject ON claims(subject_id, id);
CREATE INDEX claims_speaker ON claims(speaker_id);
CREATE INDEX claims_object ON claims(object_id);

CREATE TABLE contradictions (
	id      bigserial PRIMARY KEY,
	claim_a bigint NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
	claim_b bigint NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
	scope   text COLLATE "C" NOT NULL,
	why     text COLLATE "C" NOT NULL,
	UNIQUE (claim_a, claim_b)
);
CREATE INDEX contradictions_claim_b ON contradictions(claim_b);

CREATE TABLE feeds (
	url           text COLLATE "C" PRIMARY KEY,
	etag          text COLLATE "C" NOT NULL DEFAULT '',
	last_modified text COLLATE "C" NOT NULL DEFAULT '',
	last_checked  text COLLATE "C" NOT NULL DEFAULT '',
	failures      integer NOT NULL DEFAULT 0,
	last_error    text COLLATE "C" NOT NULL DEFAULT ''
);

-- An analyst's decisions about store entities (see internal/sqlite's
-- migration 0008).
CREATE TABLE entity_decisions (
	id        bigserial PRIMARY KEY,
	kind      text COLLATE "C" NOT NULL,
	entity_id bigint NOT NULL,
	other_id  bigint NOT NULL,
	key       text COLLATE "C" NOT NULL DEFAULT '',
	name      text COLLATE "C" NOT NULL,
	note      text COLLATE "C" NOT NULL DEFAULT '',
	decided   text COLLATE "C" NOT NULL
);
CREATE INDEX entity_decisions_entity ON entity_decisions(entity_id);
CREATE INDEX entity_decisions_other ON entity_decisions(other_id);
CREATE INDEX entity_decisions_key ON entity_decisions(key, entity_id);
