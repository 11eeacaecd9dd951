-- The education-care trajectory (issue 3): phase models, provisions with their places and waiting
-- list, registrations (aanmelding), arrangements with their extensions and phase history.
-- Portable SQL, conventions as in 0001. Key columns that are filtered, joined or checked are real
-- columns; the nested lists of a row (staffing, places, financing lines, target group, the route-1
-- workflow, the return plan, the ending) are one JSON text column `body` (decision record 0005).

-- A configurable phase model; `body` holds the ordered phases. The shipped models (ambelt, renn4,
-- team-ambulant) are inserted by `eenplan migrate` from the domain's defaults when missing.
CREATE TABLE phase_models (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  source TEXT NOT NULL DEFAULT '',
  body TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1,
  updated_by TEXT REFERENCES users(id),
  updated_at TEXT NOT NULL
);

CREATE TABLE provisions (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  template_code TEXT NOT NULL DEFAULT '',
  enrolling_school_id TEXT NOT NULL REFERENCES organisations(id),
  phase_model_id TEXT REFERENCES phase_models(id),
  capacity INTEGER NOT NULL CHECK (capacity >= 0),
  start_date TEXT NOT NULL,
  end_date TEXT,
  body TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1,
  created_by TEXT NOT NULL REFERENCES users(id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX provisions_school ON provisions(enrolling_school_id, name);

-- The pupils placed in a provision and the ones waiting (position 1 first). Rewritten with the
-- provision under its version; the history of who was placed when is in the audit trail and in the
-- arrangements.
CREATE TABLE provision_placements (
  provision_id TEXT NOT NULL REFERENCES provisions(id),
  pupil_id TEXT NOT NULL REFERENCES pupils(id),
  position INTEGER NOT NULL,
  PRIMARY KEY (provision_id, pupil_id)
);
CREATE INDEX provision_placements_pupil ON provision_placements(pupil_id);

CREATE TABLE provision_waiting_list (
  provision_id TEXT NOT NULL REFERENCES provisions(id),
  pupil_id TEXT NOT NULL REFERENCES pupils(id),
  registration_id TEXT NOT NULL DEFAULT '',
  position INTEGER NOT NULL,
  since TEXT NOT NULL,
  PRIMARY KEY (provision_id, pupil_id)
);
CREATE INDEX provision_waiting_list_pupil ON provision_waiting_list(pupil_id);

-- Aanmelding for a provision; `body`: observation period, joint decision with its deciders, the
-- intake and home-visit tasks with their owners.
CREATE TABLE registrations (
  id TEXT PRIMARY KEY,
  pupil_id TEXT NOT NULL REFERENCES pupils(id),
  provision_id TEXT NOT NULL REFERENCES provisions(id),
  channel TEXT NOT NULL CHECK (channel IN ('internal','external')),
  status TEXT NOT NULL CHECK (status IN ('registered','in_observation','decided','on_waiting_list','placed','refused','withdrawn')),
  registered_by TEXT NOT NULL,
  registered_on TEXT NOT NULL,
  placed_on TEXT,
  body TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1,
  created_by TEXT NOT NULL REFERENCES users(id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX registrations_provision ON registrations(provision_id, registered_on);
CREATE INDEX registrations_pupil ON registrations(pupil_id);
CREATE INDEX registrations_status ON registrations(status);

-- One pupil's arrangement (route 1 maatwerk or route 2 in a provision). opp_id: the pupil's set
-- OPP ('' when none yet; the OPP tables come with the plan). coordinator_id: owner of the
-- evaluations and follow-up ("Mijn taken").
CREATE TABLE arrangements (
  id TEXT PRIMARY KEY,
  route TEXT NOT NULL CHECK (route IN ('tailored','provision')),
  template_code TEXT NOT NULL DEFAULT '',
  pupil_id TEXT NOT NULL REFERENCES pupils(id),
  provision_id TEXT REFERENCES provisions(id),
  enrolling_school_id TEXT NOT NULL REFERENCES organisations(id),
  home_school_id TEXT NOT NULL REFERENCES organisations(id),
  coordinator_id TEXT REFERENCES users(id),
  phase_model_id TEXT REFERENCES phase_models(id),
  start_date TEXT NOT NULL,
  end_date TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('draft','active','ended')),
  opp_id TEXT NOT NULL DEFAULT '',
  cadence_unit TEXT NOT NULL CHECK (cadence_unit IN ('weeks','months')),
  cadence_every INTEGER NOT NULL,
  body TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1,
  created_by TEXT NOT NULL REFERENCES users(id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX arrangements_pupil ON arrangements(pupil_id, start_date);
CREATE INDEX arrangements_status ON arrangements(status, end_date);
CREATE INDEX arrangements_provision ON arrangements(provision_id, status);
CREATE INDEX arrangements_coordinator ON arrangements(coordinator_id, status);

-- Every extension with its reason and decision; append-only (0008_trajectory_append_only).
CREATE TABLE arrangement_extensions (
  id TEXT PRIMARY KEY,
  arrangement_id TEXT NOT NULL REFERENCES arrangements(id),
  position INTEGER NOT NULL,
  previous_end TEXT NOT NULL,
  new_end TEXT NOT NULL,
  reason TEXT NOT NULL,
  decided_by TEXT NOT NULL,
  decided_on TEXT NOT NULL,
  recorded_by TEXT NOT NULL REFERENCES users(id),
  recorded_at TEXT NOT NULL,
  UNIQUE (arrangement_id, position)
);

-- The phase history of a pupil in an arrangement: the start and every step forward and back, with
-- the evaluation that decided it (NULL only for the start). Append-only.
CREATE TABLE phase_steps (
  id TEXT PRIMARY KEY,
  arrangement_id TEXT NOT NULL REFERENCES arrangements(id),
  pupil_id TEXT NOT NULL REFERENCES pupils(id),
  position INTEGER NOT NULL,
  date TEXT NOT NULL,
  from_phase TEXT NOT NULL DEFAULT '',
  phase_code TEXT NOT NULL,
  direction TEXT NOT NULL CHECK (direction IN ('start','forward','back')),
  reason TEXT NOT NULL DEFAULT '',
  evaluation_id TEXT,
  recorded_by TEXT NOT NULL REFERENCES users(id),
  recorded_at TEXT NOT NULL,
  UNIQUE (arrangement_id, position)
);
CREATE INDEX phase_steps_pupil ON phase_steps(pupil_id, date);
