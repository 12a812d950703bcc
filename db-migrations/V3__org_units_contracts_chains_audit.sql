-- Organisation units, contracts with their decision-chart record, sub-contractor chains, policy
-- settings, the audit trail and API tokens (issue 3). See docs/decisions/0004-data-scope.md.

-- The corporate group's buying companies and their departments, as a tree.
CREATE TABLE org_unit (
    id         BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    parent_id  BIGINT       NULL,
    code       VARCHAR(50)  NOT NULL,
    name       VARCHAR(200) NOT NULL,
    created_at DATETIME(6)  NOT NULL,
    updated_at DATETIME(6)  NOT NULL,
    version    INT          NOT NULL DEFAULT 0,
    CONSTRAINT uk_org_unit_code UNIQUE (code),
    CONSTRAINT fk_org_unit_parent FOREIGN KEY (parent_id) REFERENCES org_unit (id)
);

-- A user belongs to one or more units and sees them and the units below them. A user with
-- group_wide = TRUE (RISK_MANAGER, ADMIN, AUDITOR only) sees the whole group.
ALTER TABLE app_user ADD COLUMN group_wide BOOLEAN NOT NULL DEFAULT FALSE;

CREATE TABLE app_user_org_unit (
    user_id     BIGINT NOT NULL,
    org_unit_id BIGINT NOT NULL,
    PRIMARY KEY (user_id, org_unit_id),
    CONSTRAINT fk_user_unit_user FOREIGN KEY (user_id) REFERENCES app_user (id) ON DELETE CASCADE,
    CONSTRAINT fk_user_unit_unit FOREIGN KEY (org_unit_id) REFERENCES org_unit (id)
);

CREATE TABLE contract (
    id                   BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    contract_number      VARCHAR(50)   NOT NULL,
    title                VARCHAR(300)  NOT NULL,
    supplier_id          BIGINT        NOT NULL,
    org_unit_id          BIGINT        NOT NULL,
    owner_user_id        BIGINT        NULL,
    start_date           DATE          NULL,
    end_date             DATE          NULL,
    -- NONE, SA1, SA2, STAR3, STAR4, STAR5
    required_level       VARCHAR(10)   NOT NULL,
    -- the decision chart (DOMAIN.md): NULL = not answered yet
    handles_confidential BOOLEAN       NULL,
    business_critical    BOOLEAN       NULL,
    network_access       BOOLEAN       NULL,
    suggested_level      VARCHAR(10)   NULL,
    -- required when required_level differs from suggested_level: the audit record of why
    level_reason         VARCHAR(2000) NULL,
    created_at           DATETIME(6)   NOT NULL,
    updated_at           DATETIME(6)   NOT NULL,
    version              INT           NOT NULL DEFAULT 0,
    CONSTRAINT uk_contract_number UNIQUE (contract_number),
    CONSTRAINT fk_contract_supplier FOREIGN KEY (supplier_id) REFERENCES supplier (id),
    CONSTRAINT fk_contract_unit FOREIGN KEY (org_unit_id) REFERENCES org_unit (id),
    CONSTRAINT fk_contract_owner FOREIGN KEY (owner_user_id) REFERENCES app_user (id),
    CONSTRAINT ck_contract_level CHECK (required_level IN ('NONE', 'SA1', 'SA2', 'STAR3', 'STAR4', 'STAR5'))
);
CREATE INDEX ix_contract_supplier ON contract (supplier_id);
CREATE INDEX ix_contract_unit ON contract (org_unit_id, contract_number);
CREATE INDEX ix_contract_owner ON contract (owner_user_id);
CREATE INDEX ix_contract_level ON contract (required_level);

-- One edge of a contract's sub-contractor tree (再委託): parent passes work on to child.
-- First-tier links have the contract's supplier as parent.
CREATE TABLE subcontracting_link (
    id                      BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    contract_id             BIGINT        NOT NULL,
    parent_supplier_id      BIGINT        NOT NULL,
    child_supplier_id       BIGINT        NOT NULL,
    confidential_data_flows BOOLEAN       NOT NULL DEFAULT FALSE,
    system_access           BOOLEAN       NOT NULL DEFAULT FALSE,
    -- NULL = derived from the sub-contractor policy
    required_level_override VARCHAR(10)   NULL,
    note                    VARCHAR(1000) NULL,
    created_at              DATETIME(6)   NOT NULL,
    updated_at              DATETIME(6)   NOT NULL,
    version                 INT           NOT NULL DEFAULT 0,
    CONSTRAINT uk_link UNIQUE (contract_id, parent_supplier_id, child_supplier_id),
    CONSTRAINT fk_link_contract FOREIGN KEY (contract_id) REFERENCES contract (id) ON DELETE CASCADE,
    CONSTRAINT fk_link_parent FOREIGN KEY (parent_supplier_id) REFERENCES supplier (id),
    CONSTRAINT fk_link_child FOREIGN KEY (child_supplier_id) REFERENCES supplier (id),
    CONSTRAINT ck_link_not_self CHECK (parent_supplier_id <> child_supplier_id)
);
CREATE INDEX ix_link_child ON subcontracting_link (child_supplier_id);

-- Policy values (lead times, staleness limit, sub-contractor rule), one row per key.
CREATE TABLE setting (
    setting_key VARCHAR(100)  NOT NULL PRIMARY KEY,
    value       VARCHAR(2000) NOT NULL,
    updated_at  DATETIME(6)   NOT NULL,
    updated_by  VARCHAR(100)  NOT NULL,
    version     INT           NOT NULL DEFAULT 0
);

-- Who changed what, when, with the state before and after (JSON).
CREATE TABLE audit_event (
    id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    occurred_at DATETIME(6)  NOT NULL,
    actor       VARCHAR(100) NOT NULL,
    entity_type VARCHAR(50)  NOT NULL,
    entity_id   VARCHAR(100) NOT NULL,
    action      VARCHAR(20)  NOT NULL,
    before_json MEDIUMTEXT   NULL,
    after_json  MEDIUMTEXT   NULL
);
CREATE INDEX ix_audit_entity ON audit_event (entity_type, entity_id, occurred_at);
CREATE INDEX ix_audit_time ON audit_event (occurred_at);

-- Bearer tokens for the REST API; only a SHA-256 hash of the token is stored.
CREATE TABLE api_token (
    id           BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    name         VARCHAR(100) NOT NULL,
    token_hash   CHAR(64)     NOT NULL,
    role         VARCHAR(30)  NOT NULL,
    created_by   VARCHAR(100) NOT NULL,
    created_at   DATETIME(6)  NOT NULL,
    last_used_at DATETIME(6)  NULL,
    revoked_at   DATETIME(6)  NULL,
    CONSTRAINT uk_api_token_hash UNIQUE (token_hash)
);
