-- A change of the case team leaves a system entry in the dossier's timeline (kind
-- 'case_team_change'), written with the change. SQLite cannot change a CHECK in place: the table
-- is rebuilt with the wider list and every note copied unchanged. Nothing references notes, so
-- dropping the old table touches no foreign key.
CREATE TABLE notes_with_system_kinds (
  id TEXT PRIMARY KEY,
  pupil_id TEXT NOT NULL REFERENCES pupils(id),
  author_id TEXT NOT NULL REFERENCES users(id),
  kind TEXT NOT NULL CHECK (kind IN ('note','conversation','meeting','decision','case_team_change')),
  body TEXT NOT NULL,
  created_at TEXT NOT NULL
);
INSERT INTO notes_with_system_kinds (id, pupil_id, author_id, kind, body, created_at)
SELECT id, pupil_id, author_id, kind, body, created_at FROM notes;
DROP TABLE notes;
ALTER TABLE notes_with_system_kinds RENAME TO notes;
CREATE INDEX notes_pupil ON notes(pupil_id, created_at);
-- A system entry records what the system did; nobody rewrites it afterwards.
CREATE TRIGGER notes_system_entry_no_update BEFORE UPDATE ON notes WHEN OLD.kind = 'case_team_change'
BEGIN SELECT RAISE(ABORT, 'a system entry of the timeline is never changed'); END;
