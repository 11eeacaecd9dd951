-- A change of the case team leaves a system entry in the dossier's timeline (kind
-- 'case_team_change'), written with the change: the kind's CHECK gets the new value.
ALTER TABLE notes DROP CONSTRAINT notes_kind_check;
ALTER TABLE notes ADD CONSTRAINT notes_kind_check
  CHECK (kind IN ('note','conversation','meeting','decision','case_team_change'));
-- A system entry records what the system did; nobody rewrites it afterwards.
CREATE FUNCTION notes_system_entry_no_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.kind = 'case_team_change' THEN
    RAISE EXCEPTION 'a system entry of the timeline is never changed';
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER notes_system_entry_no_update BEFORE UPDATE ON notes
FOR EACH ROW EXECUTE FUNCTION notes_system_entry_no_update();
