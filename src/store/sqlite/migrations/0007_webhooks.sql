-- Webhooks: subscriptions to story events, and the outbox of their deliveries.
-- The secret is kept as given, not hashed like the other secrets: the server needs it to sign each delivery
-- (HMAC-SHA256). It is shown once when created and never listed or written to the audit log.

CREATE TABLE webhooks (
    id INTEGER PRIMARY KEY,
    url TEXT NOT NULL CHECK (url <> ''),
    events TEXT NOT NULL CHECK (events <> ''),  -- space-separated: 'story.created story.transitioned'
    secret TEXT NOT NULL,
    created_by INTEGER REFERENCES users (id),  -- NULL: from the command line
    created_at TEXT NOT NULL,
    disabled_at TEXT                           -- NULL while active
);

-- One row per event and subscription, kept after delivery as the delivery log. state: 'pending', 'delivered',
-- 'failed'. The payload is stored exactly as it is sent, so a retry signs and sends the same bytes.
CREATE TABLE webhook_deliveries (
    id INTEGER PRIMARY KEY,
    webhook_id INTEGER NOT NULL REFERENCES webhooks (id),
    event_id TEXT NOT NULL,
    event_type TEXT NOT NULL,
    payload TEXT NOT NULL,
    state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'delivered', 'failed')),
    attempts INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    next_attempt_at TEXT,  -- NULL once delivered or failed
    last_status INTEGER NOT NULL DEFAULT 0,
    last_error TEXT NOT NULL DEFAULT '',
    delivered_at TEXT,
    UNIQUE (webhook_id, event_id)
);

-- The dispatcher's question: what is due now?
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (next_attempt_at) WHERE state = 'pending';
CREATE INDEX webhook_deliveries_by_webhook ON webhook_deliveries (webhook_id, id);
