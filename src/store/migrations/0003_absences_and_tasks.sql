-- Verzuim (absence registration), escalation signals and the task list ("Mijn taken").
-- Portable SQL for SQLite and PostgreSQL, conventions as in 0001.

-- One registration per pupil, date and lesson hour: the key that makes imports idempotent
-- (the same row twice adds nothing) and that the escalation rules count on.
CREATE TABLE absences (
  pupil_id TEXT NOT NULL REFERENCES pupils(id),
  date TEXT NOT NULL,
  lesson_hour INTEGER NOT NULL CHECK (lesson_hour BETWEEN 1 AND 16),
  kind TEXT NOT NULL CHECK (kind IN ('unauthorised','sick','late','removed','authorised')),
  marked_luxe INTEGER NOT NULL DEFAULT 0 CHECK (marked_luxe IN (0, 1)),
  remark TEXT NOT NULL DEFAULT '',
  import_id TEXT,           -- absence_imports.id when imported; NULL when entered by hand
  recorded_by TEXT NOT NULL REFERENCES users(id),
  recorded_at TEXT NOT NULL,
  PRIMARY KEY (pupil_id, date, lesson_hour)
);
CREATE INDEX absences_date ON absences(date);

-- One row per import attempt that committed: who, which file, how many rows were new.
CREATE TABLE absence_imports (
  id TEXT PRIMARY KEY,
  school_id TEXT NOT NULL REFERENCES organisations(id),
  file_name TEXT NOT NULL,
  layout TEXT NOT NULL,
  encoding TEXT NOT NULL,
  rows_read INTEGER NOT NULL,
  rows_added INTEGER NOT NULL,
  imported_by TEXT NOT NULL REFERENCES users(id),
  imported_at TEXT NOT NULL
);

-- A school's own escalation protocol: overrides of the defaults (domain::default_protocol).
-- Legal rules cannot be switched off; the service refuses that before it gets here.
CREATE TABLE school_protocol_rules (
  school_id TEXT NOT NULL REFERENCES organisations(id),
  rule_code TEXT NOT NULL,
  enabled INTEGER NOT NULL CHECK (enabled IN (0, 1)),
  threshold INTEGER NOT NULL CHECK (threshold >= 1),
  version INTEGER NOT NULL DEFAULT 1,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (school_id, rule_code)
);

-- "Expertisepunt": the core team took this pupil out of the standard protocol (legal rules
-- still apply). Ended, never deleted.
CREATE TABLE protocol_exemptions (
  id TEXT PRIMARY KEY,
  pupil_id TEXT NOT NULL REFERENCES pupils(id),
  reason TEXT NOT NULL,
  decided_by TEXT NOT NULL REFERENCES users(id),
  decided_at TEXT NOT NULL,
  ended_at TEXT
);
CREATE INDEX protocol_exemptions_pupil ON protocol_exemptions(pupil_id);

-- A rule that fired, once per occurrence: (pupil, school year, rule, occurrence) is unique, so
-- the same evidence never fires twice, however often the rules are evaluated.
CREATE TABLE escalation_signals (
  id TEXT PRIMARY KEY,
  pupil_id TEXT NOT NULL REFERENCES pupils(id),
  school_year TEXT NOT NULL,           -- '2026-2027'
  rule_code TEXT NOT NULL,
  occurrence INTEGER NOT NULL,
  fired_on TEXT NOT NULL,              -- date of the last evidence absence
  recipient TEXT NOT NULL CHECK (recipient IN ('attendance_officer','care_coordinator','mentor')),
  evidence TEXT NOT NULL,              -- JSON array of {"date","lessonHour"}
  created_at TEXT NOT NULL,
  UNIQUE (pupil_id, school_year, rule_code, occurrence)
);
CREATE INDEX escalation_signals_pupil ON escalation_signals(pupil_id, school_year);

-- "Mijn taken": work for a person, or for whoever holds a role at an organisation (e.g. the
-- leerplichtambtenaar of the pupil's municipality). A task names the pupil, never its details:
-- who may open it is still decided by the access policy.
CREATE TABLE tasks (
  id TEXT PRIMARY KEY,
  region_id TEXT NOT NULL REFERENCES regions(id),
  pupil_id TEXT REFERENCES pupils(id),
  kind TEXT NOT NULL,                  -- 'escalation_signal', 'homebound_candidate', ...
  title TEXT NOT NULL,                 -- Dutch, shown in the list
  assignee_user_id TEXT REFERENCES users(id),
  assignee_organisation_id TEXT REFERENCES organisations(id),
  assignee_role TEXT,                  -- with assignee_organisation_id
  due_on TEXT,
  source_id TEXT,                      -- e.g. escalation_signals.id
  status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open','done','cancelled')),
  created_at TEXT NOT NULL,
  completed_at TEXT,
  completed_by TEXT REFERENCES users(id),
  version INTEGER NOT NULL DEFAULT 1,
  CHECK (assignee_user_id IS NOT NULL OR (assignee_organisation_id IS NOT NULL AND assignee_role IS NOT NULL))
);
CREATE INDEX tasks_user ON tasks(assignee_user_id, status, due_on);
CREATE INDEX tasks_organisation ON tasks(assignee_organisation_id, assignee_role, status, due_on);
CREATE INDEX tasks_pupil ON tasks(pupil_id);
