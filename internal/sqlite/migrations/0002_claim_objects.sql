-- What the cross-article claim rule needs beyond store entities: the
-- predicate as written, and where the object lies (so that a claim about
-- Balochistan can be compared with one about Pakistan).
ALTER TABLE claims ADD COLUMN word TEXT NOT NULL DEFAULT '';
ALTER TABLE claims ADD COLUMN object_country TEXT NOT NULL DEFAULT '';
ALTER TABLE claims ADD COLUMN object_feature TEXT NOT NULL DEFAULT '';
CREATE INDEX claims_subject ON claims(subject_id, id);
