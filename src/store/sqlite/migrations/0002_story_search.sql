-- Full-text index over each story's current revision; rowid = stories.id. Column values start with a
-- language marker ("\x1F" + ISO code + "\x1F") that the "storybank" tokenizer (stemming_tokenizer.cpp)
-- reads to pick the stemmer; the tokenizer must be registered on the connection before this table is used.
CREATE VIRTUAL TABLE story_search USING fts5(title, summary, body, quotes, tokenize = 'storybank');

-- The default ranking, so that "ORDER BY rank" sorts by weighted bm25 inside FTS5 (no separate sort step):
-- a word in the title counts ten times one in the body.
INSERT INTO story_search (story_search, rank) VALUES ('rank', 'bm25(10.0, 3.0, 1.0, 2.0)');
