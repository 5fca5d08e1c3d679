-- Stories the lead selects for a report (Most Significant Change selection), each with the reason it was chosen.
CREATE TABLE selections (
    id INTEGER PRIMARY KEY,
    story_id INTEGER NOT NULL REFERENCES stories (id),
    report TEXT NOT NULL CHECK (length(report) > 0),
    reason TEXT NOT NULL CHECK (length(reason) > 0),
    selected_by_user_id INTEGER REFERENCES users (id),
    selected_by TEXT NOT NULL,
    selected_at TEXT NOT NULL,
    UNIQUE (report, story_id)
);

CREATE INDEX selections_by_story ON selections (story_id);
