-- Thuiszitter register (M5): cases, escalations; year group and level of pupils for the school's
-- absence trends. Portable SQL for SQLite and PostgreSQL, conventions as in 0001.

-- Year group (groep 1-8 in primary, leerjaar 1-6 in secondary) and level (e.g. 'havo',
-- 'vmbo-k', or the school type for primary) of a pupil. NULL/'' when unknown.
ALTER TABLE pupils ADD COLUMN year_group INTEGER CHECK (year_group IS NULL OR year_group BETWEEN 1 AND 8);
ALTER TABLE pupils ADD COLUMN level TEXT NOT NULL DEFAULT '';

-- One row per period a pupil is (or threatens to be) without a fitting place, or has a
-- vrijstelling. Rows are never deleted, only closed (placed, returned, ...) or dismissed (a
-- detected candidate a person judged not to be one, with the reason): 0006 enforces it.
CREATE TABLE homebound_cases (
  id TEXT PRIMARY KEY,
  region_id TEXT NOT NULL REFERENCES regions(id),
  pupil_id TEXT NOT NULL REFERENCES pupils(id),
  category TEXT NOT NULL CHECK (category IN ('absolute','relative_long','exemption','at_risk')),
  exemption_kind TEXT CHECK (exemption_kind IN ('art5_a','art5_b','art5_c','art5a','art15','art3a','art3b')),
  first_day TEXT NOT NULL,                -- the first day without school: starts the clock
  source TEXT NOT NULL CHECK (source IN ('manual','detected')),
  offer TEXT NOT NULL DEFAULT 'none'
    CHECK (offer IN ('none','partial_education','education_care_arrangement','care_only','other')),
  offer_note TEXT NOT NULL DEFAULT '',
  contact_name TEXT NOT NULL DEFAULT '',  -- the named person who keeps a finger on the pulse
  review_on TEXT,                         -- vrijstelling: when it is looked at again
  state TEXT NOT NULL DEFAULT 'open' CHECK (state IN ('open','closed','dismissed')),
  closed_on TEXT,
  close_reason TEXT CHECK (close_reason IN ('placed','returned','moved_away','other','dismissed')),
  close_note TEXT NOT NULL DEFAULT '',    -- where the pupil was placed, or why dismissed
  registered_by TEXT NOT NULL REFERENCES users(id),
  registered_at TEXT NOT NULL,
  closed_by TEXT REFERENCES users(id),
  version INTEGER NOT NULL DEFAULT 1,
  updated_at TEXT NOT NULL,
  CHECK ((state = 'open') = (closed_on IS NULL)),
  CHECK ((state = 'open') = (close_reason IS NULL))
);
CREATE INDEX homebound_cases_pupil ON homebound_cases(pupil_id, first_day);
CREATE INDEX homebound_cases_state ON homebound_cases(state, category);
-- One open case per pupil: a second registration would run a second clock.
CREATE UNIQUE INDEX homebound_cases_one_open ON homebound_cases(pupil_id) WHERE state = 'open';

-- Escalations to the plaatsingsoverleg or the Taskforce thuiszitters; the Taskforce core group
-- may take a binding placement decision (doorzettingskracht). Append-only.
CREATE TABLE homebound_escalations (
  id TEXT PRIMARY KEY,
  case_id TEXT NOT NULL REFERENCES homebound_cases(id),
  forum TEXT NOT NULL CHECK (forum IN ('placement_meeting','taskforce')),
  escalated_on TEXT NOT NULL,
  escalated_by TEXT NOT NULL REFERENCES users(id),
  outcome TEXT NOT NULL DEFAULT '',
  binding_decision TEXT NOT NULL DEFAULT '',
  recorded_at TEXT NOT NULL,
  CHECK (forum = 'taskforce' OR binding_decision = '')
);
CREATE INDEX homebound_escalations_case ON homebound_escalations(case_id, escalated_on);
