-- Extensions and phase steps are the record of what was decided: never changed or deleted.
CREATE TRIGGER arrangement_extensions_no_update BEFORE UPDATE ON arrangement_extensions
BEGIN SELECT RAISE(ABORT, 'arrangement_extensions is append-only'); END;
CREATE TRIGGER arrangement_extensions_no_delete BEFORE DELETE ON arrangement_extensions
BEGIN SELECT RAISE(ABORT, 'arrangement_extensions is append-only'); END;
CREATE TRIGGER phase_steps_no_update BEFORE UPDATE ON phase_steps
BEGIN SELECT RAISE(ABORT, 'phase_steps is append-only'); END;
CREATE TRIGGER phase_steps_no_delete BEFORE DELETE ON phase_steps
BEGIN SELECT RAISE(ABORT, 'phase_steps is append-only'); END;
