-- The language of each article (the contract's "language": an ISO 639-1
-- code, "und" when too short to tell), to filter searches by. Articles
-- stored before language detection were all processed as English, and
-- their contracts say "en".
ALTER TABLE articles ADD COLUMN language TEXT NOT NULL DEFAULT 'en';
CREATE INDEX articles_language ON articles(language, published);
