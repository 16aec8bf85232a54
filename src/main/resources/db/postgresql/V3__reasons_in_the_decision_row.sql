-- A decision's reasons move into its own row: `reasons` holds them as a JSON array of
-- {code, outcome, rule, message} in reporting order, and `reason_codes` their codes for search
-- (GIN, `reason_codes @> ARRAY[code]`). One row per decision instead of one more per reason: a
-- reason row and its two index entries cost the database about as much as the decision's own
-- row, so a decision's price grew with its reasons (docs/decisions.md, "The decision record").
-- Every reason on record is carried over; the old table then goes.
ALTER TABLE decision ADD COLUMN reasons TEXT, ADD COLUMN reason_codes TEXT[];

UPDATE decision d
SET reasons = r.reasons, reason_codes = r.codes
FROM (SELECT decision_id,
             json_agg(json_build_object('code', code, 'outcome', outcome, 'rule', rule_name, 'message', message)
                      ORDER BY position)::text AS reasons,
             array_agg(code ORDER BY position) AS codes
      FROM decision_reason
      GROUP BY decision_id) r
WHERE r.decision_id = d.decision_id;

UPDATE decision SET reasons = '[]', reason_codes = '{}' WHERE reasons IS NULL;

ALTER TABLE decision ALTER COLUMN reasons SET NOT NULL, ALTER COLUMN reason_codes SET NOT NULL;

CREATE INDEX decision_by_reason_code ON decision USING gin (reason_codes);

DROP TABLE decision_reason;
