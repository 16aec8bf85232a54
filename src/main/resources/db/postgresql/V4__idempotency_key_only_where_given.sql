-- The unique key on (caller, idempotency key) covers only decisions that carry a key. A request
-- without one has nothing to collide with, yet each such row cost an index entry (the caller
-- and a NULL), and the append's conflict check visited every unique index, the primary key
-- included. The append now names this index as its only conflict target (ON CONFLICT ...
-- WHERE idempotency_key IS NOT NULL), so an un-keyed decision is checked against nothing and
-- adds one index entry fewer. Uniqueness among keyed decisions is exactly as before.
-- H2 has no partial indexes; the embedded store keeps V1's constraint.
CREATE UNIQUE INDEX decision_idempotency_key_given ON decision (requested_by, idempotency_key)
    WHERE idempotency_key IS NOT NULL;
ALTER TABLE decision DROP CONSTRAINT decision_idempotency_key;
ALTER INDEX decision_idempotency_key_given RENAME TO decision_idempotency_key;
