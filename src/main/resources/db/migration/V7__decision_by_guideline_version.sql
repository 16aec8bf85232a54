-- The search and impact analysis filter by the guideline version that made a decision
-- (GET /decisions?guidelineVersion=, the console's Guideline filter, a cut-over's history), newest
-- or oldest first. Without this index such a page walks decision_by_time past every decision of
-- the other versions: after a cut-over, v1's history lies behind all of v2's, and a version with
-- no decisions is a walk through the whole table.
CREATE INDEX decision_by_guideline_version ON decision (guideline_version, decided_at, decision_id);
