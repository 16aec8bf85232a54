-- The foreign key from decision_reason to decision is dropped. Its check locks the parent row
-- for every reason row inserted — a heap write and a WAL record each — and measured at about a
-- quarter of the database's work per recorded decision (docs/benchmarks.md). The writer stores
-- a decision and its reasons in one statement, only for decisions it stored, and nothing ever
-- deletes a decision, so the key guarded against nothing the service can do.
-- Same change for the embedded store in db/embedded (H2 names the constraint differently).
ALTER TABLE decision_reason DROP CONSTRAINT decision_reason_decision_id_fkey;
