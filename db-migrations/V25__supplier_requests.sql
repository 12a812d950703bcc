-- Issue 19: from flag to fix. Supplier contacts, requests to suppliers (取引先への依頼) with their timeline,
-- answers given through a tokenised page without an account, and letters to outside addresses through the
-- alert outbox. See docs/decisions/0025-supplier-requests.md.

-- Several contacts per supplier, at most one primary (the service keeps that true).
CREATE TABLE supplier_contact (
    id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    supplier_id BIGINT       NOT NULL,
    name        VARCHAR(200) NOT NULL,
    department  VARCHAR(200) NULL,
    email       VARCHAR(320) NULL,
    phone       VARCHAR(50)  NULL,
    is_primary  BOOLEAN      NOT NULL,
    created_at  DATETIME(6)  NOT NULL,
    updated_at  DATETIME(6)  NOT NULL,
    version     INT          NOT NULL DEFAULT 0,
    CONSTRAINT fk_supplier_contact_supplier FOREIGN KEY (supplier_id) REFERENCES supplier (id) ON DELETE CASCADE
);
CREATE INDEX ix_supplier_contact_supplier ON supplier_contact (supplier_id, is_primary);

-- A request to a supplier. state: DRAFT, SENT, ANSWERED, DONE, WITHDRAWN. gap_type: NOT_REGISTERED,
-- LEVEL_TOO_LOW, EXPIRED, EXPIRING, SECURITY_ACTION_ONLY. The contact's name and address are kept as sent.
CREATE TABLE supplier_request (
    id              BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    supplier_id     BIGINT        NOT NULL,
    contact_name    VARCHAR(200)  NULL,
    contact_email   VARCHAR(320)  NULL,
    gap_type        VARCHAR(30)   NOT NULL,
    requested_level VARCHAR(10)   NOT NULL,
    due_date        DATE          NOT NULL,
    state           VARCHAR(12)   NOT NULL,
    language        VARCHAR(5)    NOT NULL,
    message         VARCHAR(4000) NOT NULL,
    owner_user_id   BIGINT        NOT NULL,
    -- the latest answer's plan: overdue again when this date passes without the registration
    planned_date    DATE          NULL,
    sent_at         DATETIME(6)   NULL,
    answered_at     DATETIME(6)   NULL,
    closed_at       DATETIME(6)   NULL,
    close_note      VARCHAR(1000) NULL,
    created_at      DATETIME(6)   NOT NULL,
    updated_at      DATETIME(6)   NOT NULL,
    version         INT           NOT NULL DEFAULT 0,
    CONSTRAINT fk_supplier_request_supplier FOREIGN KEY (supplier_id) REFERENCES supplier (id) ON DELETE CASCADE,
    CONSTRAINT fk_supplier_request_owner FOREIGN KEY (owner_user_id) REFERENCES app_user (id)
);
CREATE INDEX ix_supplier_request_state ON supplier_request (state, due_date);
CREATE INDEX ix_supplier_request_supplier ON supplier_request (supplier_id, state);

-- The contracts that need the level, as they were when the request was made.
CREATE TABLE supplier_request_contract (
    request_id      BIGINT       NOT NULL,
    contract_id     BIGINT       NOT NULL,
    contract_number VARCHAR(50)  NOT NULL,
    contract_title  VARCHAR(300) NULL,
    required_level  VARCHAR(10)  NOT NULL,
    PRIMARY KEY (request_id, contract_id),
    CONSTRAINT fk_request_contract_request FOREIGN KEY (request_id) REFERENCES supplier_request (id) ON DELETE CASCADE
);

-- The request's timeline: every change, oldest first. kind: CREATED, SENT, ANSWERED, REMINDED, DONE,
-- WITHDRAWN, REVOKED_LINK.
CREATE TABLE supplier_request_event (
    id          BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    request_id  BIGINT        NOT NULL,
    occurred_at DATETIME(6)   NOT NULL,
    actor       VARCHAR(100)  NOT NULL,
    kind        VARCHAR(20)   NOT NULL,
    from_state  VARCHAR(12)   NULL,
    to_state    VARCHAR(12)   NULL,
    note        VARCHAR(2000) NULL,
    CONSTRAINT fk_request_event_request FOREIGN KEY (request_id) REFERENCES supplier_request (id) ON DELETE CASCADE
);
CREATE INDEX ix_request_event_request ON supplier_request_event (request_id, id);

-- Answer links: only the SHA-256 of the random token is kept (hex). Usable while not revoked, not expired
-- and the request is open (SENT or ANSWERED).
CREATE TABLE supplier_request_token (
    id          BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
    request_id  BIGINT      NOT NULL,
    token_hash  CHAR(64)    NOT NULL,
    created_at  DATETIME(6) NOT NULL,
    expires_at  DATETIME(6) NOT NULL,
    revoked_at  DATETIME(6) NULL,
    CONSTRAINT uk_request_token_hash UNIQUE (token_hash),
    CONSTRAINT fk_request_token_request FOREIGN KEY (request_id) REFERENCES supplier_request (id) ON DELETE CASCADE
);

-- The supplier's answers, each kept with its time (never overwritten). kind: PLANNED, REGISTERED, CANNOT.
CREATE TABLE supplier_request_answer (
    id               BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    request_id       BIGINT        NOT NULL,
    token_id         BIGINT        NULL,
    answered_at      DATETIME(6)   NOT NULL,
    kind             VARCHAR(12)   NOT NULL,
    planned_level    VARCHAR(10)   NULL,
    planned_date     DATE          NULL,
    assessment_body  VARCHAR(200)  NULL,
    corporate_number CHAR(13)      NULL,
    answer_comment   VARCHAR(2000) NULL,
    client_address   VARCHAR(64)   NULL,
    CONSTRAINT fk_request_answer_request FOREIGN KEY (request_id) REFERENCES supplier_request (id) ON DELETE CASCADE
);
CREATE INDEX ix_request_answer_request ON supplier_request_answer (request_id, answered_at);
CREATE INDEX ix_request_answer_token ON supplier_request_answer (token_id, answered_at);
CREATE INDEX ix_request_answer_address ON supplier_request_answer (client_address, answered_at);

-- Letters to outside addresses (a supplier's contact) through the alert outbox: the outbox row carries the
-- address; the letter its prepared text. secret_link holds the answer link only until the mail has gone.
ALTER TABLE alert_outbox ADD COLUMN mail_to VARCHAR(320) NULL;
CREATE TABLE alert_letter (
    alert_id    BIGINT        NOT NULL PRIMARY KEY,
    subject     VARCHAR(300)  NOT NULL,
    body        VARCHAR(8000) NOT NULL,
    secret_link VARCHAR(500)  NULL,
    CONSTRAINT fk_alert_letter_alert FOREIGN KEY (alert_id) REFERENCES alert (id) ON DELETE CASCADE
);
