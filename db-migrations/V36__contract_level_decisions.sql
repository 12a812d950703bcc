-- Level decisions (issue 20): a contract's required level below the decision chart's suggestion is a
-- request that a second risk manager approves; the contract keeps the suggested level until then.
-- See docs/decisions/0039-level-decisions-four-eyes.md.
-- state: REQUESTED, APPROVED, REJECTED, WITHDRAWN (a later save of the contract replaced or dropped it).
-- requested_by / decided_by: who acted, as the audit trail names them; four eyes compares these.
CREATE TABLE contract_level_decision (
    id              BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    contract_id     BIGINT        NOT NULL,
    suggested_level VARCHAR(10)   NOT NULL,
    requested_level VARCHAR(10)   NOT NULL,
    reason          VARCHAR(2000) NOT NULL,
    state           VARCHAR(20)   NOT NULL,
    requested_by    VARCHAR(100)  NOT NULL,
    requested_at    DATETIME(6)   NOT NULL,
    decided_by      VARCHAR(100)  NULL,
    decided_at      DATETIME(6)   NULL,
    decision_note   VARCHAR(2000) NULL,
    version         INT           NOT NULL DEFAULT 0,
    CONSTRAINT fk_level_decision_contract FOREIGN KEY (contract_id) REFERENCES contract (id) ON DELETE CASCADE
);
CREATE INDEX ix_level_decision_contract ON contract_level_decision (contract_id, state);
CREATE INDEX ix_level_decision_state ON contract_level_decision (state, requested_at);
