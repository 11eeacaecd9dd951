-- "Mijn taken" reads a coordinator's active arrangements in end-date order: one index that serves
-- both the filter and the order, so the planner cannot prefer the region-wide status index.
DROP INDEX arrangements_coordinator;
CREATE INDEX arrangements_coordinator ON arrangements(coordinator_id, status, end_date, id);
