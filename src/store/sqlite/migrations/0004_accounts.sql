-- Organisations' partnerships, accounts, sessions, API tokens, invitations, failed logins and the audit log.
-- organisations.kind ('lead', 'member', 'partner' or '' when unknown) exists since 0001.
-- Secrets (session ids, API tokens, invitation tokens) are stored as the SHA-256 of the text handed out, so a copy
-- of this file opens no account. Times are ISO 8601 UTC text, which sorts as time does.

-- A partner works with one or more members; a member with several partners.
CREATE TABLE organisation_partners (
    member_id INTEGER NOT NULL REFERENCES organisations (id),
    partner_id INTEGER NOT NULL REFERENCES organisations (id),
    PRIMARY KEY (member_id, partner_id),
    CHECK (member_id <> partner_id)
) WITHOUT ROWID;

CREATE INDEX organisation_partners_by_partner ON organisation_partners (partner_id, member_id);

-- E-mail addresses are unique ignoring (ASCII) case: "Awa@Example.org" and "awa@example.org" are one account.
CREATE TABLE users (
    id INTEGER PRIMARY KEY,
    email TEXT NOT NULL UNIQUE COLLATE NOCASE,
    display_name TEXT NOT NULL DEFAULT '',
    password_hash TEXT NOT NULL DEFAULT '',  -- argon2id string; '' cannot log in
    created_at TEXT NOT NULL,
    disabled_at TEXT                        -- NULL while the account is active
);

-- One role per user and organisation.
CREATE TABLE memberships (
    user_id INTEGER NOT NULL REFERENCES users (id),
    organisation_id INTEGER NOT NULL REFERENCES organisations (id),
    role TEXT NOT NULL CHECK (role IN ('contributor', 'reviewer', 'coordinator', 'viewer')),
    PRIMARY KEY (user_id, organisation_id)
) WITHOUT ROWID;

CREATE INDEX memberships_by_organisation ON memberships (organisation_id, user_id);

CREATE TABLE sessions (
    id_sha256 TEXT PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users (id),
    csrf_sha256 TEXT NOT NULL,
    created_at TEXT NOT NULL,
    last_seen_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    revoked_at TEXT,
    address TEXT NOT NULL DEFAULT ''
) WITHOUT ROWID;

CREATE INDEX sessions_by_user ON sessions (user_id);

CREATE TABLE api_tokens (
    id INTEGER PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users (id),
    name TEXT NOT NULL,
    sha256 TEXT NOT NULL UNIQUE,
    scopes TEXT NOT NULL,  -- space-separated: 'stories:read stories:write import'
    created_at TEXT NOT NULL,
    last_used_at TEXT,
    revoked_at TEXT
);

CREATE INDEX api_tokens_by_user ON api_tokens (user_id);

CREATE TABLE invitations (
    id INTEGER PRIMARY KEY,
    sha256 TEXT NOT NULL UNIQUE,
    email TEXT NOT NULL COLLATE NOCASE,
    organisation_id INTEGER NOT NULL REFERENCES organisations (id),
    role TEXT NOT NULL CHECK (role IN ('contributor', 'reviewer', 'coordinator', 'viewer')),
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    used_at TEXT,
    created_by INTEGER REFERENCES users (id)  -- NULL: from the command line
);

-- Failed logins per account ('account:<e-mail>') and per address ('address:<IP>'), for the backoff.
CREATE TABLE login_failures (
    key TEXT PRIMARY KEY,
    count INTEGER NOT NULL,
    last_at TEXT NOT NULL,
    locked_until TEXT
) WITHOUT ROWID;

-- Every write: who, what, when, from where. Append-only, like revisions: triggers refuse UPDATE and DELETE, so
-- a bug elsewhere cannot rewrite what happened.
CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    actor_user_id INTEGER REFERENCES users (id),  -- NULL when the actor is not a user
    actor TEXT NOT NULL,                          -- the user's e-mail at the time, or 'cli', 'system', 'import'
    address TEXT NOT NULL DEFAULT '',
    action TEXT NOT NULL,
    target_type TEXT NOT NULL DEFAULT '',
    target_id TEXT NOT NULL DEFAULT '',
    detail TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(detail) AND json_type(detail) = 'object')
);

CREATE INDEX audit_log_by_target ON audit_log (target_type, target_id);

CREATE TRIGGER audit_log_is_never_updated BEFORE UPDATE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;

CREATE TRIGGER audit_log_is_never_deleted BEFORE DELETE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;
