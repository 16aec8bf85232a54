-- The referral bench's history (src/bench/referral-bench.sh), in a database the service has migrated:
-- :decisions decisions 30 s apart over about a year, 3 in 10 referred (6 in 10 of those an
-- underwriter's, 3 a senior underwriter's, 1 a manager's), 1 in 5 a registry operator's; of the
-- referrals, :open stay open, spread over the whole year (a desk leaves some open for months), the
-- rest resolved within three days. The request is the contract example, as the service keeps it.
\set ON_ERROR_STOP on
BEGIN;
CREATE TEMP TABLE bench_i AS
SELECT i,
       '01900000-' || substr(lpad(to_hex(i), 16, '0'), 1, 4) || '-7' || substr(lpad(to_hex(i), 16, '0'), 6, 3)
           || '-8' || substr(lpad(to_hex(i), 16, '0'), 10, 3) || '-' || lpad(to_hex(i), 12, '0') AS decision_id,
       timestamptz '2026-01-01 00:00:00+00' + i * interval '30 seconds' AS decided_at,
       CASE WHEN i % 10 < 3 THEN 'REFER' WHEN i % 10 = 3 THEN 'DECLINE' ELSE 'ACCEPT' END AS outcome,
       CASE WHEN i % 10 >= 3 THEN NULL
            WHEN (i / 10) % 10 < 6 THEN 'UNDERWRITER'
            WHEN (i / 10) % 10 < 9 THEN 'SENIOR_UNDERWRITER'
            ELSE 'UNDERWRITING_MANAGER' END AS required_authority,
       CASE WHEN (i / 3) % 5 = 0 THEN 'MEDICAL_REGISTRY' ELSE 'CYBER_HEALTHCARE' END AS product
FROM generate_series(1, :decisions) AS i;

INSERT INTO decision (decision_id, application_id, product, outcome, ruleset_version, drools_version, service_version,
                      decided_at, engine_micros, requested_by, idempotency_key, request_body, reasons, reason_codes,
                      required_authority, guideline_version)
SELECT decision_id, 'APP-' || i, product, outcome, 'sha256:bench', '10.2.0', 'bench', decided_at, 900, 'bench-platform',
       NULL, :'body',
       CASE WHEN outcome = 'REFER'
            THEN '[{"code":"LOSS_HISTORY","outcome":"REFER","rule":"One claim within five years","message":"1 claim within 5 years of 2027-01-01: PHISHING on 2023-06-01, paid 45000"},{"code":"RECENT_BREACH","outcome":"REFER","rule":"Remediated breach within three years","message":"breach on 2024-09-15 (1200 records), remediated"}]'
            WHEN outcome = 'DECLINE'
            THEN '[{"code":"MISSING_MFA_EMAIL","outcome":"DECLINE","rule":"Email without MFA","message":"email does not require MFA"}]'
            ELSE '[]' END,
       CASE WHEN outcome = 'REFER' THEN ARRAY['LOSS_HISTORY', 'RECENT_BREACH']
            WHEN outcome = 'DECLINE' THEN ARRAY['MISSING_MFA_EMAIL'] ELSE ARRAY[]::text[] END,
       required_authority, 'v1'
FROM bench_i;

-- Which referrals stay open: every third, by a hash of the index, so that open and resolved ones mix over the year.
CREATE TEMP TABLE bench_referral AS
SELECT b.*, row_number() OVER (ORDER BY (i * 2654435761) % 1000003) <= :open AS still_open
FROM bench_i b WHERE required_authority IS NOT NULL;

INSERT INTO open_referral (decided_at, decision_id, product, required_authority)
SELECT decided_at, decision_id, product, required_authority FROM bench_referral WHERE still_open;

INSERT INTO referral_resolution (decision_id, product, required_authority, decided_at, action, final_outcome, rationale,
                                 subjectivities, resolved_by, authority, resolved_at, idempotency_key)
SELECT decision_id, product, required_authority, decided_at,
       CASE WHEN i % 4 = 0 THEN 'DECLINE' ELSE 'APPROVE' END, CASE WHEN i % 4 = 0 THEN 'DECLINE' ELSE 'ACCEPT' END,
       'Reviewed at the desk.', CASE WHEN i % 4 = 0 THEN '[]' ELSE '["Signed MFA attestation before binding"]' END,
       'bench-underwriter-' || (i % 20), 'UNDERWRITING_MANAGER', decided_at + (i % 72) * interval '1 hour', NULL
FROM bench_referral WHERE NOT still_open;
COMMIT;
VACUUM ANALYZE decision;
VACUUM ANALYZE open_referral;
VACUUM ANALYZE referral_resolution;
SELECT (SELECT count(*) FROM decision) AS decisions, (SELECT count(*) FROM open_referral) AS open_referrals,
       (SELECT count(*) FROM referral_resolution) AS resolved;
