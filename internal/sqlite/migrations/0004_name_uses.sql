-- How many articles used a name as their canonical name for the entity: the
-- store entity is shown under its most used name, not under the longest
-- (a mis-tagged headline can be very long).
ALTER TABLE entity_names ADD COLUMN uses INTEGER NOT NULL DEFAULT 0;
UPDATE entity_names SET uses = 1 WHERE kind = 'name';
