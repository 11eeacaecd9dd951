-- The version of a school's escalation protocol as a whole (PUT with If-Match), and the lookups
-- the task list and the signal evaluation need. Portable SQL for SQLite and PostgreSQL.

CREATE TABLE school_protocols (
  school_id TEXT PRIMARY KEY REFERENCES organisations(id),
  version INTEGER NOT NULL DEFAULT 1,
  updated_by TEXT NOT NULL REFERENCES users(id),
  updated_at TEXT NOT NULL
);

-- A task per signal: finding the task of a signal, and never two for one signal.
CREATE UNIQUE INDEX tasks_source ON tasks(kind, source_id);
