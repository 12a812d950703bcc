-- Users, their roles and the supplier master: the first vertical slice.
-- Timestamps are UTC DATETIME(6); every user-editable table carries a version for optimistic locking.

CREATE TABLE app_user (
    id            BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    username      VARCHAR(100) NOT NULL,
    display_name  VARCHAR(200) NOT NULL,
    email         VARCHAR(320) NULL,
    password_hash VARCHAR(200) NOT NULL,
    locale        VARCHAR(10)  NULL,
    enabled       BOOLEAN      NOT NULL DEFAULT TRUE,
    created_at    DATETIME(6)  NOT NULL,
    updated_at    DATETIME(6)  NOT NULL,
    version       INT          NOT NULL DEFAULT 0,
    CONSTRAINT uk_app_user_username UNIQUE (username)
);

CREATE TABLE app_user_role (
    user_id BIGINT      NOT NULL,
    role    VARCHAR(30) NOT NULL,
    PRIMARY KEY (user_id, role),
    CONSTRAINT fk_app_user_role_user FOREIGN KEY (user_id) REFERENCES app_user (id) ON DELETE CASCADE,
    CONSTRAINT ck_app_user_role_role CHECK (role IN ('PROCUREMENT', 'RISK_MANAGER', 'ADMIN', 'AUDITOR'))
);

CREATE TABLE supplier (
    id               BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    corporate_number CHAR(13)      NULL,
    supplier_code    VARCHAR(50)   NULL,
    name             VARCHAR(300)  NOT NULL,
    name_normalized  VARCHAR(300)  NOT NULL,
    name_kana        VARCHAR(300)  NULL,
    -- sort key: the kana reading when known (50音順), else the normalised name
    name_sort        VARCHAR(300)  NOT NULL,
    country          CHAR(2)       NOT NULL DEFAULT 'JP',
    address          VARCHAR(500)  NULL,
    contact_name     VARCHAR(200)  NULL,
    contact_email    VARCHAR(320)  NULL,
    notes            VARCHAR(4000) NULL,
    created_at       DATETIME(6)   NOT NULL,
    updated_at       DATETIME(6)   NOT NULL,
    version          INT           NOT NULL DEFAULT 0,
    CONSTRAINT uk_supplier_corporate_number UNIQUE (corporate_number),
    CONSTRAINT uk_supplier_code UNIQUE (supplier_code)
);

-- Sorting the supplier list by name and filtering by normalised name stay index-backed.
CREATE INDEX ix_supplier_name_sort ON supplier (name_sort);
CREATE INDEX ix_supplier_name_normalized ON supplier (name_normalized);
