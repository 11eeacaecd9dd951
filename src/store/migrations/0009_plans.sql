-- The pupil's plan: the OPP ("één kind, één plan": one per pupil) with every revision kept, the
-- evaluations of arrangements and the weekly schedules of hours per place. Key columns for what is
-- queried and constrained; JSON text for the nested lists that are only ever read whole (goals,
-- factors, participants, schedule entries), portable on SQLite and PostgreSQL.
-- Nothing here is deleted: a set revision is never changed (a bijstelling is a new revision), and
-- evaluations and schedules are appended.

CREATE TABLE opps (
  id TEXT PRIMARY KEY,
  pupil_id TEXT NOT NULL UNIQUE REFERENCES pupils(id),
  first_set_on TEXT,                   -- the first revision ever set (the 6-week deadline is met)
  created_by TEXT NOT NULL REFERENCES users(id),
  created_at TEXT NOT NULL
);

-- One row per revision. `version` is the optimistic-concurrency counter of the OPP as a whole (it
-- keeps counting over revisions); `revision` is the document's number (1, then + 1 per bijstelling).
-- `body` holds exit perspective, support needs, factors, work attitude, goals (with their stable
-- ids), the handelingsdeel with the parents' agreement and the pupil's hearing.
CREATE TABLE opp_revisions (
  opp_id TEXT NOT NULL REFERENCES opps(id),
  revision INTEGER NOT NULL CHECK (revision >= 1),
  status TEXT NOT NULL CHECK (status IN ('draft','set')),
  version INTEGER NOT NULL CHECK (version >= 1),
  body TEXT NOT NULL,
  set_on TEXT,
  set_by TEXT REFERENCES users(id),
  created_by TEXT NOT NULL REFERENCES users(id),
  created_at TEXT NOT NULL,
  updated_by TEXT NOT NULL REFERENCES users(id),
  updated_at TEXT NOT NULL,
  PRIMARY KEY (opp_id, revision),
  CHECK ((status = 'set') = (set_on IS NOT NULL))
);
-- At most one draft per OPP: a bijstelling starts only from a set revision.
CREATE UNIQUE INDEX opp_revisions_one_draft ON opp_revisions(opp_id) WHERE status = 'draft';

CREATE TABLE evaluations (
  id TEXT PRIMARY KEY,
  arrangement_id TEXT NOT NULL REFERENCES arrangements(id),
  pupil_id TEXT NOT NULL REFERENCES pupils(id),
  opp_id TEXT NOT NULL REFERENCES opps(id),
  opp_revision INTEGER NOT NULL,
  held_on TEXT NOT NULL,
  decision TEXT NOT NULL CHECK (decision IN ('continue','adjust_goals','change_phase','end')),
  new_phase TEXT NOT NULL DEFAULT '',
  reason TEXT NOT NULL DEFAULT '',
  next_date TEXT,
  participants TEXT NOT NULL,          -- JSON [{role, person}]
  goals TEXT NOT NULL,                 -- JSON [{goalId, progress, note}]
  recorded_by TEXT NOT NULL REFERENCES users(id),
  recorded_at TEXT NOT NULL
);
CREATE INDEX evaluations_arrangement ON evaluations(arrangement_id, held_on);
CREATE INDEX evaluations_pupil ON evaluations(pupil_id, held_on);

-- The week as it is from valid_from until the next schedule of the arrangement.
CREATE TABLE weekly_schedules (
  id TEXT PRIMARY KEY,
  arrangement_id TEXT NOT NULL REFERENCES arrangements(id),
  pupil_id TEXT NOT NULL REFERENCES pupils(id),
  valid_from TEXT NOT NULL,
  entries TEXT NOT NULL,               -- JSON [{place, kind, minutesPerWeek}]
  evaluation_id TEXT REFERENCES evaluations(id),
  recorded_by TEXT NOT NULL REFERENCES users(id),
  recorded_at TEXT NOT NULL
);
CREATE INDEX weekly_schedules_arrangement ON weekly_schedules(arrangement_id, valid_from, recorded_at);
