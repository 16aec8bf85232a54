-- A decision's reasons move into its own row, as on PostgreSQL (db/postgresql/V3 says why):
-- `reasons` holds them as a JSON array of {code, outcome, rule, message} in reporting order,
-- `reason_codes` their codes for search. H2 has no index for array members; a search by reason
-- code here filters the decisions in time order. Every reason on record is carried over.
ALTER TABLE decision ADD COLUMN reasons TEXT;
ALTER TABLE decision ADD COLUMN reason_codes VARCHAR(64) ARRAY;

UPDATE decision d
SET reasons = (SELECT CAST(JSON_ARRAYAGG(JSON_OBJECT('code': r.code, 'outcome': r.outcome, 'rule': r.rule_name, 'message': r.message)
                                         ORDER BY r.position) AS VARCHAR)
               FROM decision_reason r WHERE r.decision_id = d.decision_id),
    reason_codes = (SELECT ARRAY_AGG(r.code ORDER BY r.position) FROM decision_reason r WHERE r.decision_id = d.decision_id);

UPDATE decision SET reasons = '[]', reason_codes = ARRAY[] WHERE reasons IS NULL;

ALTER TABLE decision ALTER COLUMN reasons SET NOT NULL;
ALTER TABLE decision ALTER COLUMN reason_codes SET NOT NULL;

DROP TABLE decision_reason;
