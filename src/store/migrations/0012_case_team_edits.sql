-- Editing the case team (betrokkenen).
--
-- The team has a version of its own: changing who is on the team must not collide with an edit of
-- the rest of the dossier (and the other way round), yet two people changing the team at once must.
ALTER TABLE pupils ADD COLUMN case_team_version INTEGER NOT NULL DEFAULT 1;

-- What an audit event changed, as JSON with user ids only (who joined or left a case team, who is
-- regisseur now); '' for events whose action and resource say it all. The hash covers it only when
-- it is not empty, so every event written before this column still verifies unchanged.
ALTER TABLE audit_events ADD COLUMN detail TEXT NOT NULL DEFAULT '';
