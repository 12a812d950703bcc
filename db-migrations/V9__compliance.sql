-- Compliance evaluation (issue 6): for every contract, every supplier in its chain, whether it holds the
-- level required of it and until when. See docs/decisions/0010-compliance-evaluation.md.
-- status is one of REVOKED, EXPIRED, MISSING, UNVERIFIABLE, INSUFFICIENT, EXPIRING, OK; severity is its
-- position in that order (0 = worst), written by the application from one Java enum.

-- One finding per supplier in a contract's chain (tier 1 = the contract's own supplier). A supplier that
-- appears twice in one chain is one finding, with the strictest requirement of its appearances.
CREATE TABLE compliance_finding (
    id              BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    contract_id     BIGINT       NOT NULL,
    supplier_id     BIGINT       NOT NULL,
    tier            INT          NOT NULL,
    required_level  VARCHAR(10)  NOT NULL,
    held_level      VARCHAR(10)  NULL,
    register_status VARCHAR(20)  NULL,
    valid_until     DATE         NULL,
    status          VARCHAR(20)  NOT NULL,
    severity        TINYINT      NOT NULL,
    reason_code     VARCHAR(40)  NOT NULL,
    -- for EXPIRING: the policy lead time (days) that has been crossed, e.g. 90 then 30
    warning_days    INT          NULL,
    status_since    DATETIME(6)  NOT NULL,
    previous_status VARCHAR(20)  NULL,
    evaluated_on    DATE         NOT NULL,
    updated_at      DATETIME(6)  NOT NULL,
    CONSTRAINT uk_compliance_finding UNIQUE (contract_id, supplier_id),
    CONSTRAINT fk_finding_contract FOREIGN KEY (contract_id) REFERENCES contract (id) ON DELETE CASCADE,
    CONSTRAINT fk_finding_supplier FOREIGN KEY (supplier_id) REFERENCES supplier (id) ON DELETE CASCADE
);
CREATE INDEX ix_finding_supplier ON compliance_finding (supplier_id, severity);
CREATE INDEX ix_finding_status ON compliance_finding (status, contract_id);
CREATE INDEX ix_finding_valid ON compliance_finding (valid_until);

-- A contract's status: the worst of its chain.
CREATE TABLE contract_compliance (
    contract_id     BIGINT       NOT NULL PRIMARY KEY,
    status          VARCHAR(20)  NOT NULL,
    severity        TINYINT      NOT NULL,
    links           INT          NOT NULL,
    failing_links   INT          NOT NULL,
    earliest_valid_until DATE    NULL,
    status_since    DATETIME(6)  NOT NULL,
    previous_status VARCHAR(20)  NULL,
    updated_at      DATETIME(6)  NOT NULL,
    CONSTRAINT fk_contract_compliance FOREIGN KEY (contract_id) REFERENCES contract (id) ON DELETE CASCADE
);
CREATE INDEX ix_contract_compliance_status ON contract_compliance (status, contract_id);
CREATE INDEX ix_contract_compliance_severity ON contract_compliance (severity, contract_id);

-- A supplier's status: the worst over the contracts it holds and the findings about it in other chains.
CREATE TABLE supplier_compliance (
    supplier_id     BIGINT       NOT NULL PRIMARY KEY,
    status          VARCHAR(20)  NOT NULL,
    severity        TINYINT      NOT NULL,
    status_since    DATETIME(6)  NOT NULL,
    previous_status VARCHAR(20)  NULL,
    updated_at      DATETIME(6)  NOT NULL,
    CONSTRAINT fk_supplier_compliance FOREIGN KEY (supplier_id) REFERENCES supplier (id) ON DELETE CASCADE
);
CREATE INDEX ix_supplier_compliance_status ON supplier_compliance (status, supplier_id);

-- Every change of a status (and every lead-time threshold crossed), oldest first: the findings' history
-- and what alerts are made from (issue 7 reads it by id). No foreign keys: history outlives its subject.
-- subject: LINK (contract_id + supplier_id), CONTRACT (contract_id) or SUPPLIER (supplier_id).
CREATE TABLE compliance_event (
    id               BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    occurred_at      DATETIME(6)  NOT NULL,
    evaluated_on     DATE         NOT NULL,
    subject          VARCHAR(10)  NOT NULL,
    contract_id      BIGINT       NULL,
    supplier_id      BIGINT       NULL,
    old_status       VARCHAR(20)  NULL,
    new_status       VARCHAR(20)  NOT NULL,
    old_warning_days INT          NULL,
    new_warning_days INT          NULL,
    required_level   VARCHAR(10)  NULL,
    held_level       VARCHAR(10)  NULL,
    valid_until      DATE         NULL,
    reason_code      VARCHAR(40)  NULL
);
CREATE INDEX ix_compliance_event_contract ON compliance_event (contract_id, id);
CREATE INDEX ix_compliance_event_supplier ON compliance_event (supplier_id, id);

-- The daily count of contracts per unit, required level and status: the compliance trend.
CREATE TABLE compliance_snapshot (
    snapshot_date  DATE         NOT NULL,
    org_unit_id    BIGINT       NOT NULL,
    required_level VARCHAR(10)  NOT NULL,
    status         VARCHAR(20)  NOT NULL,
    contracts      INT          NOT NULL,
    PRIMARY KEY (snapshot_date, org_unit_id, required_level, status)
);
