-- The region's own thuiszitter settings (issue: "the region's own target (configurable, e.g. 10
-- weeks)"). One installation serves one SWV. Every change is a new row with the next version (the
-- If-Match of the API), so the settings of any past day stay known: the clock status an overview
-- showed then can always be explained. Rows are only ever inserted. A region without rows uses the
-- defaults of domain::HomeboundConfig, as version 1.
CREATE TABLE homebound_settings (
  region_id TEXT NOT NULL REFERENCES regions(id),
  version INTEGER NOT NULL CHECK (version >= 2),
  target_weeks INTEGER NOT NULL CHECK (target_weeks BETWEEN 1 AND 12),
  at_risk_weeks INTEGER NOT NULL CHECK (at_risk_weeks >= 0),
  relative_threshold_weeks INTEGER NOT NULL CHECK (relative_threshold_weeks >= 1),
  threatening_weeks INTEGER NOT NULL CHECK (threatening_weeks >= 1),
  min_unauthorised_hours INTEGER NOT NULL CHECK (min_unauthorised_hours >= 1),
  data_lag_school_days INTEGER NOT NULL CHECK (data_lag_school_days >= 0),
  reason TEXT NOT NULL,
  changed_by TEXT NOT NULL REFERENCES users(id),
  changed_at TEXT NOT NULL,
  PRIMARY KEY (region_id, version)
);
