-- The school support route (ondersteuningsroute): basisondersteuning steps, zorgmeldingen, zorgteam
-- discussions with their action items, contacts with the parents, the ondersteuningsteam (JES)
-- meetings of a school and the pupils on their agenda. Portable SQL, conventions as in 0001.
-- Nothing here is ever deleted: the route is part of the dossier's history.

CREATE TABLE support_route_steps (
  id TEXT PRIMARY KEY,
  pupil_id TEXT NOT NULL REFERENCES pupils(id),
  kind TEXT NOT NULL CHECK (kind IN ('collegial_consultation','care_team_observation','action_research','preventive_conversation')),
  date TEXT NOT NULL,
  description TEXT NOT NULL,
  performed_by TEXT NOT NULL,          -- name/role as the school writes it ("IZT: mw. De Boer")
  recorded_by TEXT NOT NULL REFERENCES users(id),
  recorded_at TEXT NOT NULL
);
CREATE INDEX support_route_steps_pupil ON support_route_steps(pupil_id, date);

-- Zorgmelding to the coördinator passend onderwijs. skip_reason: why basisondersteuning was skipped
-- ('' when steps were recorded first).
CREATE TABLE support_concerns (
  id TEXT PRIMARY KEY,
  pupil_id TEXT NOT NULL REFERENCES pupils(id),
  date TEXT NOT NULL,
  question TEXT NOT NULL,
  tried TEXT NOT NULL,
  skip_reason TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL CHECK (status IN ('open','discussed')),
  reported_by TEXT NOT NULL REFERENCES users(id),
  reported_at TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX support_concerns_pupil ON support_concerns(pupil_id, date);
-- One zorgmelding waiting for the zorgteam per pupil, enforced by the database too.
CREATE UNIQUE INDEX support_concerns_one_open ON support_concerns(pupil_id) WHERE status = 'open';

CREATE TABLE care_team_discussions (
  id TEXT PRIMARY KEY,
  pupil_id TEXT NOT NULL REFERENCES pupils(id),
  concern_id TEXT NOT NULL REFERENCES support_concerns(id),
  date TEXT NOT NULL,
  participants TEXT NOT NULL,          -- one per line
  outcome TEXT NOT NULL,
  decision TEXT NOT NULL CHECK (decision IN ('internal_trajectory','external_care','escalate_to_jes','no_further_support')),
  recorded_by TEXT NOT NULL REFERENCES users(id),
  recorded_at TEXT NOT NULL
);
CREATE INDEX care_team_discussions_pupil ON care_team_discussions(pupil_id, date);

CREATE TABLE care_team_action_items (
  id TEXT PRIMARY KEY,
  discussion_id TEXT NOT NULL REFERENCES care_team_discussions(id),
  position INTEGER NOT NULL,
  description TEXT NOT NULL,
  owner TEXT NOT NULL,
  due_on TEXT NOT NULL
);
CREATE INDEX care_team_action_items_discussion ON care_team_action_items(discussion_id, position);

CREATE TABLE parent_contacts (
  id TEXT PRIMARY KEY,
  pupil_id TEXT NOT NULL REFERENCES pupils(id),
  date TEXT NOT NULL,
  topic TEXT NOT NULL CHECK (topic IN ('care_team','jes')),
  method TEXT NOT NULL CHECK (method IN ('in_person','phone','video','letter','digital')),
  informed_by TEXT NOT NULL,
  summary TEXT NOT NULL DEFAULT '',
  recorded_by TEXT NOT NULL REFERENCES users(id),
  recorded_at TEXT NOT NULL
);
CREATE INDEX parent_contacts_pupil ON parent_contacts(pupil_id, date);

-- A dated meeting of a school's ondersteuningsteam (JES); members one per line.
CREATE TABLE support_meetings (
  id TEXT PRIMARY KEY,
  school_id TEXT NOT NULL REFERENCES organisations(id),
  kind TEXT NOT NULL CHECK (kind IN ('jes')),
  date TEXT NOT NULL,
  location TEXT NOT NULL DEFAULT '',
  members TEXT NOT NULL,
  created_by TEXT NOT NULL REFERENCES users(id),
  created_at TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX support_meetings_school ON support_meetings(school_id, date);

CREATE TABLE jes_referrals (
  id TEXT PRIMARY KEY,
  pupil_id TEXT NOT NULL REFERENCES pupils(id),
  meeting_id TEXT NOT NULL REFERENCES support_meetings(id),
  reason TEXT NOT NULL CHECK (reason IN ('homebound','dropout_risk','basic_support_insufficient','multidisciplinary_expertise','lateral_entrant','adjusted_timetable','school_doctor')),
  question TEXT NOT NULL,
  parent_contact_id TEXT NOT NULL REFERENCES parent_contacts(id),
  status TEXT NOT NULL CHECK (status IN ('planned','discussed')),
  outcome TEXT NOT NULL DEFAULT '',
  referred_by TEXT NOT NULL REFERENCES users(id),
  referred_at TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1,
  updated_at TEXT NOT NULL,
  UNIQUE (meeting_id, pupil_id)
);
CREATE INDEX jes_referrals_pupil ON jes_referrals(pupil_id);
