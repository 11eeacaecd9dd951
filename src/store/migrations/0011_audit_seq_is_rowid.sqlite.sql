-- On SQLite only INTEGER PRIMARY KEY makes a column the rowid: with `seq BIGINT PRIMARY KEY`
-- every event was stored twice, in the table under a hidden rowid and in a unique index on
-- seq. The group commit that writes the audit events of every read paid for both. Rebuilt
-- with seq as the rowid; the events, their order and their hashes are copied unchanged.
-- (PostgreSQL keeps its table: there a BIGINT primary key is the one index it needs.)
CREATE TABLE audit_events_by_seq (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  at TEXT NOT NULL,
  actor_id TEXT NOT NULL,
  pupil_id TEXT NOT NULL,
  action TEXT NOT NULL CHECK (action IN ('read','create','update')),
  resource TEXT NOT NULL,
  purpose TEXT NOT NULL,
  request_id TEXT NOT NULL,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL
);
INSERT INTO audit_events_by_seq (seq, id, at, actor_id, pupil_id, action, resource, purpose, request_id,
                                 prev_hash, hash)
SELECT seq, id, at, actor_id, pupil_id, action, resource, purpose, request_id, prev_hash, hash
FROM audit_events ORDER BY seq;
-- Dropping a table fires no delete triggers; the append-only triggers go with it and
-- are created again on the new table.
DROP TABLE audit_events;
ALTER TABLE audit_events_by_seq RENAME TO audit_events;
CREATE INDEX audit_events_pupil ON audit_events(pupil_id, seq);
CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events
BEGIN SELECT RAISE(ABORT, 'audit_events is append-only'); END;
CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events
BEGIN SELECT RAISE(ABORT, 'audit_events is append-only'); END;
