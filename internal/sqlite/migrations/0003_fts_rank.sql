-- Rank full-text matches by BM25 with title words weighing four times body
-- words. Set as the table's rank function so that "ORDER BY rank LIMIT n"
-- is sorted inside FTS5, before any join.
INSERT INTO articles_fts(articles_fts, rank) VALUES ('rank', 'bm25(4.0, 1.0)');
