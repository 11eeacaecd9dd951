-- Region, organisations, accounts, pupils and their dossier. Portable SQL for SQLite
-- and PostgreSQL: ids are UUID text, instants are RFC 3339 UTC text (they sort as text),
-- dates are YYYY-MM-DD text, booleans are 0/1 integers.

CREATE TABLE regions (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  code TEXT NOT NULL
);

CREATE TABLE organisations (
  id TEXT PRIMARY KEY,
  region_id TEXT NOT NULL REFERENCES regions(id),
  kind TEXT NOT NULL CHECK (kind IN ('swv','school','board','municipality','care_provider','attendance_office','youth_team')),
  name TEXT NOT NULL,
  brin TEXT UNIQUE,
  school_type TEXT CHECK (school_type IN ('bao','sbo','so','vso','vo','pro','mbo')),
  levels TEXT NOT NULL DEFAULT '',
  board_id TEXT REFERENCES organisations(id),
  municipality_id TEXT REFERENCES organisations(id),
  version INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL
);
CREATE INDEX organisations_kind ON organisations(kind, name);

CREATE TABLE locations (
  id TEXT PRIMARY KEY,
  organisation_id TEXT NOT NULL REFERENCES organisations(id),
  name TEXT NOT NULL,
  street TEXT NOT NULL,
  house_number TEXT NOT NULL,
  postcode TEXT NOT NULL,
  city TEXT NOT NULL
);
CREATE INDEX locations_organisation ON locations(organisation_id);

CREATE TABLE users (
  id TEXT PRIMARY KEY,
  region_id TEXT NOT NULL REFERENCES regions(id),
  username TEXT NOT NULL UNIQUE,
  display_name TEXT NOT NULL,
  password_hash TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('swv_admin','swv_consultant','school_coordinator','teacher','orthopedagogue','attendance_officer','municipality_consultant','care_provider')),
  disabled INTEGER NOT NULL DEFAULT 0,
  version INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  password_changed_at TEXT NOT NULL
);

-- 'member': works at/for the organisation. 'linked': an SWV consultant's schools.
CREATE TABLE memberships (
  user_id TEXT NOT NULL REFERENCES users(id),
  organisation_id TEXT NOT NULL REFERENCES organisations(id),
  relation TEXT NOT NULL CHECK (relation IN ('member','linked')),
  PRIMARY KEY (user_id, organisation_id, relation)
);
CREATE INDEX memberships_organisation ON memberships(organisation_id);

-- Only a hash of the session token is stored: a copy of this table opens no session.
CREATE TABLE sessions (
  token_hash TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES users(id),
  created_at TEXT NOT NULL,
  last_seen_at TEXT NOT NULL,
  ended_at TEXT
);
CREATE INDEX sessions_user ON sessions(user_id);

-- No BSN and no onderwijsnummer: an SWV may not process them.
CREATE TABLE pupils (
  id TEXT PRIMARY KEY,
  region_id TEXT NOT NULL REFERENCES regions(id),
  given_name TEXT NOT NULL,
  family_name TEXT NOT NULL,
  search_text TEXT NOT NULL,
  date_of_birth TEXT NOT NULL,
  postcode TEXT NOT NULL,
  school_pupil_number TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('enrolled','not_enrolled','exempted','left')),
  enrolment_school_id TEXT NOT NULL REFERENCES organisations(id),
  home_school_id TEXT REFERENCES organisations(id),
  municipality_id TEXT REFERENCES organisations(id),
  load_capacity TEXT NOT NULL DEFAULT '',
  care_history TEXT NOT NULL DEFAULT '',
  version INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX pupils_enrolment_school ON pupils(enrolment_school_id, family_name, given_name);
CREATE INDEX pupils_home_school ON pupils(home_school_id);
CREATE INDEX pupils_municipality ON pupils(municipality_id, family_name, given_name);
CREATE INDEX pupils_name ON pupils(family_name, given_name);

CREATE TABLE guardians (
  id TEXT PRIMARY KEY,
  pupil_id TEXT NOT NULL REFERENCES pupils(id),
  position INTEGER NOT NULL,
  name TEXT NOT NULL,
  relationship TEXT NOT NULL,
  phone TEXT NOT NULL DEFAULT '',
  email TEXT NOT NULL DEFAULT ''
);
CREATE INDEX guardians_pupil ON guardians(pupil_id, position);

CREATE TABLE case_team_members (
  pupil_id TEXT NOT NULL REFERENCES pupils(id),
  user_id TEXT NOT NULL REFERENCES users(id),
  case_role TEXT NOT NULL,
  is_case_lead INTEGER NOT NULL DEFAULT 0 CHECK (is_case_lead IN (0, 1)),
  added_at TEXT NOT NULL,
  PRIMARY KEY (pupil_id, user_id)
);
-- At most one regisseur per case, enforced by the database as well as the domain.
CREATE UNIQUE INDEX case_team_one_lead ON case_team_members(pupil_id) WHERE is_case_lead = 1;
CREATE INDEX case_team_user ON case_team_members(user_id);

CREATE TABLE support_needs (
  id TEXT PRIMARY KEY,
  pupil_id TEXT NOT NULL REFERENCES pupils(id),
  position INTEGER NOT NULL,
  category TEXT NOT NULL,
  description TEXT NOT NULL
);
CREATE INDEX support_needs_pupil ON support_needs(pupil_id, position);

CREATE TABLE factors (
  id TEXT PRIMARY KEY,
  pupil_id TEXT NOT NULL REFERENCES pupils(id),
  position INTEGER NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('promoting','hindering')),
  area TEXT NOT NULL CHECK (area IN ('pupil','family','school','environment')),
  description TEXT NOT NULL
);
CREATE INDEX factors_pupil ON factors(pupil_id, position);

CREATE TABLE notes (
  id TEXT PRIMARY KEY,
  pupil_id TEXT NOT NULL REFERENCES pupils(id),
  author_id TEXT NOT NULL REFERENCES users(id),
  kind TEXT NOT NULL CHECK (kind IN ('note','conversation','meeting','decision')),
  body TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX notes_pupil ON notes(pupil_id, created_at);

-- Append-only, hash-chained audit trail. `seq` is assigned under the chain head lock.
CREATE TABLE audit_events (
  seq BIGINT PRIMARY KEY,
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
CREATE INDEX audit_events_pupil ON audit_events(pupil_id, seq);

CREATE TABLE audit_head (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  seq BIGINT NOT NULL,
  hash TEXT NOT NULL
);
INSERT INTO audit_head (id, seq, hash) VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
