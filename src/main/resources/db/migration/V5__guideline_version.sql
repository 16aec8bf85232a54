-- Guideline versions decide side by side (rules/v1, rules/v2, ...): each decision records the
-- version that made it. Every decision before this migration was made by the only guideline
-- there was, v1. A constant default adds the column without rewriting PostgreSQL's rows; it is
-- then dropped, so a writer that forgets the version fails instead of recording v1 by accident.
-- Portable SQL: the same script runs on PostgreSQL and on the embedded H2.
ALTER TABLE decision ADD COLUMN guideline_version VARCHAR(32) DEFAULT 'v1' NOT NULL;
ALTER TABLE decision ALTER COLUMN guideline_version DROP DEFAULT;
