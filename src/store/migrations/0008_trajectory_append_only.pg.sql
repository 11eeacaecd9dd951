-- Extensions and phase steps are the record of what was decided: never changed or deleted.
CREATE FUNCTION trajectory_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP;
END;
$$;
CREATE TRIGGER arrangement_extensions_append_only BEFORE UPDATE OR DELETE ON arrangement_extensions
FOR EACH ROW EXECUTE FUNCTION trajectory_append_only();
CREATE TRIGGER phase_steps_append_only BEFORE UPDATE OR DELETE ON phase_steps
FOR EACH ROW EXECUTE FUNCTION trajectory_append_only();
