-- "Mijn taken" reads every active arrangement of a coordinator on each request (a consultant can
-- coordinate hundreds). The arrangement rows carry their whole plan body, about a page each, so the
-- list's index also holds the few columns the due items need: the rows themselves stay unread.
DROP INDEX arrangements_coordinator;
CREATE INDEX arrangements_coordinator ON arrangements(coordinator_id, status, end_date, id, pupil_id, start_date,
                                                      cadence_unit, cadence_every, opp_id);
