-- Issue 14, single sign-on (OpenID Connect). An account either signs in with a password (sign_in_provider
-- NULL, password_hash set) or through the configured OpenID provider (sign_in_provider = the registration id,
-- external_subject = the provider's "sub" claim, no password: password sign-in refuses such an account).
ALTER TABLE app_user ADD COLUMN sign_in_provider VARCHAR(100) NULL;
ALTER TABLE app_user ADD COLUMN external_subject VARCHAR(255) NULL;
ALTER TABLE app_user MODIFY password_hash VARCHAR(200) NULL;
ALTER TABLE app_user ADD CONSTRAINT uk_app_user_external UNIQUE (sign_in_provider, external_subject);

-- Which claim value (a group or app role of the provider's token) gives which role, and which organisation
-- unit. Rows are only added and removed, never edited, so they carry no version.
CREATE TABLE sso_role_mapping (
    id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    claim_value VARCHAR(255) NOT NULL,
    role        VARCHAR(30)  NOT NULL,
    created_at  DATETIME(6)  NOT NULL,
    created_by  VARCHAR(100) NOT NULL,
    CONSTRAINT uk_sso_role_mapping UNIQUE (claim_value, role),
    CONSTRAINT ck_sso_role_mapping_role CHECK (role IN ('PROCUREMENT', 'RISK_MANAGER', 'ADMIN', 'AUDITOR'))
);

CREATE TABLE sso_unit_mapping (
    id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    claim_value VARCHAR(255) NOT NULL,
    org_unit_id BIGINT       NOT NULL,
    created_at  DATETIME(6)  NOT NULL,
    created_by  VARCHAR(100) NOT NULL,
    CONSTRAINT uk_sso_unit_mapping UNIQUE (claim_value, org_unit_id),
    CONSTRAINT fk_sso_unit_mapping_unit FOREIGN KEY (org_unit_id) REFERENCES org_unit (id) ON DELETE CASCADE
);
