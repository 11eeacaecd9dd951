-- The thuiszitter register keeps every row: no deletes; a closed or dismissed case is final;
-- pupil and first day never change (they are the clock); escalations are append-only.
CREATE TRIGGER homebound_cases_no_delete BEFORE DELETE ON homebound_cases
BEGIN SELECT RAISE(ABORT, 'homebound_cases rows are closed, never deleted'); END;
CREATE TRIGGER homebound_cases_close_only BEFORE UPDATE ON homebound_cases
WHEN OLD.state <> 'open' OR NEW.pupil_id <> OLD.pupil_id OR NEW.first_day <> OLD.first_day
  OR NEW.region_id <> OLD.region_id
BEGIN SELECT RAISE(ABORT, 'homebound_cases: closed rows are final, pupil and first day fixed'); END;
CREATE TRIGGER homebound_escalations_no_update BEFORE UPDATE ON homebound_escalations
BEGIN SELECT RAISE(ABORT, 'homebound_escalations is append-only'); END;
CREATE TRIGGER homebound_escalations_no_delete BEFORE DELETE ON homebound_escalations
BEGIN SELECT RAISE(ABORT, 'homebound_escalations is append-only'); END;
