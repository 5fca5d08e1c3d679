-- Reviewers' and writers' remarks on a story, or on one field of it, kept with the revision they were made on.
CREATE TABLE comments (
    id INTEGER PRIMARY KEY,
    story_id INTEGER NOT NULL REFERENCES stories (id),
    revision INTEGER NOT NULL,
    field TEXT NOT NULL DEFAULT '',          -- a template key, or '' for the whole story
    author_user_id INTEGER REFERENCES users (id),
    author TEXT NOT NULL,
    body TEXT NOT NULL CHECK (length(body) > 0),
    created_at TEXT NOT NULL
);

CREATE INDEX comments_by_story ON comments (story_id, id);
