-- The full-text index's vocabulary, one row per indexed word: a search
-- counts here what a word* prefix stands for before running it (see
-- SearchLimits.MaxExpansions).
CREATE VIRTUAL TABLE articles_vocab USING fts5vocab(articles_fts, row);
