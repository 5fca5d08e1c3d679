-- The key a client sends with a story it creates (HTTP Idempotency-Key), per user: sent again, because the network
-- lost the first answer, the same key returns the story first created instead of making a second one.
CREATE TABLE story_creation_keys (
    user_id INTEGER NOT NULL,
    creation_key TEXT NOT NULL CHECK (creation_key <> ''),
    story_id INTEGER NOT NULL REFERENCES stories (id),
    created_at TEXT NOT NULL,
    PRIMARY KEY (user_id, creation_key)
);
