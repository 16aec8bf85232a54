-- Referrals reach a person (issue 18). Portable SQL, like V1: the same script on PostgreSQL and H2.
--
-- The authority a referral needs is kept with its decision. Decisions recorded before this
-- version keep NULL: the rules that decided them gave no authority, and none is invented here
-- (docs/decisions.md, "Referrals"). A NULL on a REFER therefore means "decided before V6".
ALTER TABLE decision ADD COLUMN required_authority VARCHAR(32);

-- How a person resolved a referral: append-only, beside the decision, which it never changes.
-- One row per decision at most (the primary key), so of two underwriters resolving at once
-- exactly one succeeds: the database decides, not the service. The decision's product, required
-- authority and time are copied in, so the desk's "resolved since" pages need no join to filter.
CREATE TABLE referral_resolution (
    decision_id        VARCHAR(36)   NOT NULL PRIMARY KEY,
    product            VARCHAR(32)   NOT NULL,
    required_authority VARCHAR(32)   NOT NULL,
    decided_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    action             VARCHAR(16)   NOT NULL,
    final_outcome      VARCHAR(16)   NOT NULL,
    rationale          VARCHAR(2000) NOT NULL,
    -- A JSON array of strings, in the order given; [] when there are none.
    subjectivities     TEXT          NOT NULL,
    resolved_by        VARCHAR(255)  NOT NULL,
    authority          VARCHAR(32)   NOT NULL,
    resolved_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    -- A retry with the same key from the same resolver finds this row instead of failing.
    idempotency_key    VARCHAR(255),
    CONSTRAINT referral_resolution_idempotency_key UNIQUE (resolved_by, idempotency_key)
);

-- "Resolved since": oldest resolution first, with a (resolved_at, decision_id) cursor.
CREATE INDEX referral_resolution_by_time ON referral_resolution (resolved_at, decision_id);
CREATE INDEX referral_resolution_by_authority ON referral_resolution (required_authority, resolved_at, decision_id);
CREATE INDEX referral_resolution_by_product ON referral_resolution (product, resolved_at, decision_id);

-- The desk's queue: one row per referral still waiting for a person, written in the same
-- statement or transaction as its decision and removed in the transaction that records its
-- resolution. It is a work list, not the record: the record is decision and referral_resolution,
-- both append-only, and this table is what they imply (referrals without a resolution), kept
-- so that the queue is read from an index of open referrals only, however many were resolved.
-- Rebuildable at any time from the record:
--   INSERT INTO open_referral SELECT d.decided_at, d.decision_id, d.product, d.required_authority
--   FROM decision d WHERE d.required_authority IS NOT NULL
--   AND NOT EXISTS (SELECT 1 FROM referral_resolution r WHERE r.decision_id = d.decision_id);
-- Oldest first is the primary key; each filter of GET /referrals has its index in that order.
CREATE TABLE open_referral (
    decided_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    decision_id        VARCHAR(36) NOT NULL,
    product            VARCHAR(32) NOT NULL,
    required_authority VARCHAR(32) NOT NULL,
    PRIMARY KEY (decided_at, decision_id)
);

CREATE INDEX open_referral_by_authority ON open_referral (required_authority, decided_at, decision_id);
CREATE INDEX open_referral_by_product ON open_referral (product, decided_at, decision_id);
