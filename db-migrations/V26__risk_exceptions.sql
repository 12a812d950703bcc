-- Exceptions (例外承認, issue 20): a risk accepted for a while, with four-eyes approval.
-- See docs/decisions/0026-risk-exceptions.md.

-- One request: for one finding (contract_id set: a supplier in one contract's chain) or for a supplier
-- across all its contracts (contract_id NULL). accepted_status: the worst status accepted (the finding's,
-- or the supplier's worst finding, when requested); a worse one later lapses the exception.
-- state: REQUESTED, APPROVED, REJECTED, ENDED (a risk manager ended it early), LAPSED (by itself: its end
-- date passed, or the status got worse than accepted; close_reason END_DATE or WORSE_STATUS).
-- requested_by / decided_by / closed_by: who acted, as the audit trail names them (a user name, token:<name>,
-- system); four eyes compares these.
-- org_unit_id: the contract's unit (data scope); NULL for a supplier-wide exception (group-wide users only).
CREATE TABLE risk_exception (
    id                    BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    supplier_id           BIGINT        NOT NULL,
    contract_id           BIGINT        NULL,
    org_unit_id           BIGINT        NULL,
    accepted_status       VARCHAR(20)   NOT NULL,
    justification         VARCHAR(2000) NOT NULL,
    compensating_measures VARCHAR(2000) NOT NULL,
    ends_on               DATE          NOT NULL,
    state                 VARCHAR(20)   NOT NULL,
    requested_by          VARCHAR(100)  NOT NULL,
    requested_at          DATETIME(6)   NOT NULL,
    decided_by            VARCHAR(100)  NULL,
    decided_at            DATETIME(6)   NULL,
    decision_note         VARCHAR(2000) NULL,
    closed_by             VARCHAR(100)  NULL,
    closed_at             DATETIME(6)   NULL,
    close_reason          VARCHAR(20)   NULL,
    version               INT           NOT NULL DEFAULT 0,
    CONSTRAINT fk_risk_exception_supplier FOREIGN KEY (supplier_id) REFERENCES supplier (id) ON DELETE CASCADE,
    CONSTRAINT fk_risk_exception_contract FOREIGN KEY (contract_id) REFERENCES contract (id) ON DELETE CASCADE
);
CREATE INDEX ix_risk_exception_state ON risk_exception (state, ends_on);
CREATE INDEX ix_risk_exception_supplier ON risk_exception (supplier_id, state);
CREATE INDEX ix_risk_exception_contract ON risk_exception (contract_id, state);

-- An accepted finding names its exception (status ACCEPTED; reason_code keeps the gap underneath).
ALTER TABLE compliance_finding ADD COLUMN exception_id BIGINT NULL;
ALTER TABLE compliance_finding ADD COLUMN accepted_until DATE NULL;

-- ACCEPTED sits between EXPIRING and OK in the one severity order: OK moves from 6 to 7.
UPDATE compliance_finding SET severity = 7 WHERE status = 'OK';
UPDATE contract_compliance SET severity = 7 WHERE status = 'OK';
UPDATE supplier_compliance SET severity = 7 WHERE status = 'OK';
