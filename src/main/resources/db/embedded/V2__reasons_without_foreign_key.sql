-- See db/postgresql/V2__reasons_without_foreign_key.sql: the same change, under the name H2
-- generated for the unnamed foreign key of V1 (the constraint of the decision_reason table).
ALTER TABLE decision_reason DROP CONSTRAINT "CONSTRAINT_5";
