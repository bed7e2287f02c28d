-- Where each geocoded article entity lies, so that places can be listed and
-- counted with an index instead of reading every article's contract JSON.
ALTER TABLE article_entities ADD COLUMN country TEXT NOT NULL DEFAULT '';
ALTER TABLE article_entities ADD COLUMN feature TEXT NOT NULL DEFAULT '';
ALTER TABLE article_entities ADD COLUMN lat REAL;
ALTER TABLE article_entities ADD COLUMN lon REAL;
ALTER TABLE article_entities ADD COLUMN geonames_id INTEGER;
CREATE INDEX article_entities_place ON article_entities(entity_id) WHERE lat IS NOT NULL;

-- Fill them in for the articles stored before.
UPDATE article_entities SET country = p.country, feature = p.feature, lat = p.lat, lon = p.lon, geonames_id = p.geonames_id
FROM (
	SELECT a.id AS article_id, json_extract(j.value, '$.id') AS local_id,
		coalesce(json_extract(j.value, '$.place.country'), '') AS country,
		coalesce(json_extract(j.value, '$.place.feature'), '') AS feature,
		json_extract(j.value, '$.place.lat') AS lat, json_extract(j.value, '$.place.lon') AS lon,
		json_extract(j.value, '$.place.geonames_id') AS geonames_id
	FROM articles a, json_each(CAST(a.contract AS TEXT), '$.entities') j
	WHERE json_type(j.value, '$.place') = 'object'
) AS p
WHERE article_entities.article_id = p.article_id AND article_entities.local_id = p.local_id;
