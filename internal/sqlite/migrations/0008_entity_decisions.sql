-- The loose key of each name (names.Loose: the consonant skeleton of its
-- words), under which spelling variants, transliterations and names with
-- or without middle names are found as merge candidates. Go fills it in
-- for the names stored before (see postMigrations in migrate.go).
ALTER TABLE entity_names ADD COLUMN loose TEXT NOT NULL DEFAULT '';
CREATE INDEX entity_names_loose ON entity_names(loose);

-- An analyst's decisions about store entities, kept as data so that they
-- hold for every article stored later.
--   merge: entity other_id (name: its name then) was joined into entity_id
--          and no longer exists; its names now lead to entity_id.
--   split: the name under key (name: as written) was taken from entity_id
--          to a new entity other_id; that name never links to entity_id
--          again.
CREATE TABLE entity_decisions (
	id        INTEGER PRIMARY KEY,
	kind      TEXT NOT NULL,             -- merge | split
	entity_id INTEGER NOT NULL,
	other_id  INTEGER NOT NULL,
	key       TEXT NOT NULL DEFAULT '',  -- split: the name key
	name      TEXT NOT NULL,
	note      TEXT NOT NULL DEFAULT '',
	decided   TEXT NOT NULL              -- RFC 3339, UTC
);
CREATE INDEX entity_decisions_entity ON entity_decisions(entity_id);
CREATE INDEX entity_decisions_other ON entity_decisions(other_id);
CREATE INDEX entity_decisions_key ON entity_decisions(key, entity_id);
