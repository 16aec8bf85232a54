-- The decision record: what was asked, what was answered, by which ruleset. Append-only: the
-- service inserts rows and never updates or deletes one. Portable SQL: the same script runs on
-- PostgreSQL and on the embedded H2 (PostgreSQL mode).

CREATE TABLE decision (
    decision_id      VARCHAR(36)  NOT NULL PRIMARY KEY,
    application_id   VARCHAR(64)  NOT NULL,
    product          VARCHAR(32)  NOT NULL,
    outcome          VARCHAR(16)  NOT NULL,
    ruleset_version  VARCHAR(100) NOT NULL,
    drools_version   VARCHAR(40)  NOT NULL,
    service_version  VARCHAR(40)  NOT NULL,
    decided_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    engine_micros    BIGINT       NOT NULL,
    requested_by     VARCHAR(255) NOT NULL,
    -- A retry with the same key from the same caller must find this row instead of adding one.
    idempotency_key  VARCHAR(255),
    -- The body exactly as received, so the decision can be reproduced years later.
    request_body     TEXT         NOT NULL,
    CONSTRAINT decision_idempotency_key UNIQUE (requested_by, idempotency_key)
);

-- Listing is newest first with a (decided_at, decision_id) cursor; impact analysis walks it oldest first.
CREATE INDEX decision_by_time ON decision (decided_at, decision_id);
CREATE INDEX decision_by_application ON decision (application_id, decided_at);

CREATE TABLE decision_reason (
    decision_id  VARCHAR(36)  NOT NULL REFERENCES decision (decision_id),
    position     INTEGER      NOT NULL,
    code         VARCHAR(64)  NOT NULL,
    outcome      VARCHAR(16)  NOT NULL,
    rule_name    VARCHAR(500) NOT NULL,
    message      TEXT         NOT NULL,
    PRIMARY KEY (decision_id, position)
);

CREATE INDEX decision_reason_by_code ON decision_reason (code, decision_id);
