-- Stories, their revisions, where they were imported from, organisations, tags and attachments.
-- Revisions are append-only: a save adds a row and moves stories.current_revision; triggers refuse any
-- UPDATE or DELETE of a revision, so history cannot be lost by a bug elsewhere.

CREATE TABLE organisations (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,              -- as first written
    name_key TEXT NOT NULL UNIQUE,   -- text::fold_for_matching(name): ignores case, accents and spacing
    kind TEXT NOT NULL DEFAULT ''    -- 'member', 'partner', 'lead' or '' when unknown
);

CREATE TABLE stories (
    id INTEGER PRIMARY KEY,
    template_id TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'draft'
        CHECK (status IN ('draft', 'submitted', 'changes_requested', 'approved', 'published', 'archived')),
    current_revision INTEGER NOT NULL,
    -- Summary columns of the current revision, for lists and filters.
    title TEXT NOT NULL DEFAULT '',
    author TEXT NOT NULL DEFAULT '',
    language TEXT NOT NULL DEFAULT '',
    country TEXT NOT NULL DEFAULT '',
    locality TEXT NOT NULL DEFAULT '',
    partner_org_id INTEGER REFERENCES organisations (id),
    member_org_id INTEGER REFERENCES organisations (id),
    year INTEGER NOT NULL DEFAULT 0,  -- 0 when the story has no date (filters then use created_at)
    created_at TEXT NOT NULL,         -- ISO 8601 UTC
    updated_at TEXT NOT NULL,
    error_count INTEGER NOT NULL DEFAULT 0,
    warning_count INTEGER NOT NULL DEFAULT 0,
    -- Deferred: the story row and its first revision are inserted in one transaction, story first.
    FOREIGN KEY (id, current_revision) REFERENCES revisions (story_id, number) DEFERRABLE INITIALLY DEFERRED
);

CREATE INDEX stories_by_country ON stories (country);
CREATE INDEX stories_by_partner ON stories (partner_org_id);
CREATE INDEX stories_by_member ON stories (member_org_id);
CREATE INDEX stories_by_status ON stories (status);

CREATE TABLE revisions (
    story_id INTEGER NOT NULL REFERENCES stories (id),
    number INTEGER NOT NULL CHECK (number >= 1),
    created_at TEXT NOT NULL,
    author TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT '',
    document TEXT NOT NULL,  -- canonical JSON (core::to_canonical_json), problems by message ID
    PRIMARY KEY (story_id, number)
);

CREATE TRIGGER revisions_are_never_updated BEFORE UPDATE ON revisions
BEGIN
    SELECT RAISE(ABORT, 'revisions are never changed; save a new revision instead');
END;

CREATE TRIGGER revisions_are_never_deleted BEFORE DELETE ON revisions
BEGIN
    SELECT RAISE(ABORT, 'revisions are never deleted');
END;

-- The SHA-256 of an imported file's bytes: importing the same file again finds the story made the first time.
CREATE TABLE import_sources (
    sha256 TEXT PRIMARY KEY,
    story_id INTEGER NOT NULL REFERENCES stories (id),
    file_name TEXT NOT NULL,
    imported_at TEXT NOT NULL
);

-- Processed photos, content-addressed, so a photo used by several stories or revisions is stored once.
CREATE TABLE attachments (
    sha256 TEXT PRIMARY KEY,
    media_type TEXT NOT NULL,
    width INTEGER NOT NULL DEFAULT 0,
    height INTEGER NOT NULL DEFAULT 0,
    size INTEGER NOT NULL,
    bytes BLOB NOT NULL
);

CREATE TABLE tags (
    id INTEGER PRIMARY KEY,
    key TEXT NOT NULL UNIQUE
);

CREATE TABLE story_tags (
    story_id INTEGER NOT NULL REFERENCES stories (id),
    tag_id INTEGER NOT NULL REFERENCES tags (id),
    PRIMARY KEY (story_id, tag_id)
) WITHOUT ROWID;

CREATE INDEX story_tags_by_tag ON story_tags (tag_id, story_id);
