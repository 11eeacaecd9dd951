-- The thuiszitter register keeps every row: no deletes; a closed or dismissed case is final;
-- pupil and first day never change (they are the clock); escalations are append-only.
CREATE FUNCTION homebound_register_close_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the homebound register is close-only: % on % refused', TG_OP, TG_TABLE_NAME;
END;
$$;
CREATE TRIGGER homebound_cases_no_delete BEFORE DELETE ON homebound_cases
FOR EACH ROW EXECUTE FUNCTION homebound_register_close_only();
CREATE TRIGGER homebound_cases_close_only BEFORE UPDATE ON homebound_cases
FOR EACH ROW WHEN (OLD.state <> 'open' OR NEW.pupil_id <> OLD.pupil_id OR NEW.first_day <> OLD.first_day
  OR NEW.region_id <> OLD.region_id)
EXECUTE FUNCTION homebound_register_close_only();
CREATE TRIGGER homebound_escalations_append_only BEFORE UPDATE OR DELETE ON homebound_escalations
FOR EACH ROW EXECUTE FUNCTION homebound_register_close_only();
