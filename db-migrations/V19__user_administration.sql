-- User administration (issue 14): one-time passwords, sign-in tracking, deactivation with who and when.
-- Unit memberships already live in app_user_org_unit (V3). Single sign-on columns come in V20.

ALTER TABLE app_user ADD COLUMN must_change_password BOOLEAN     NOT NULL DEFAULT FALSE;
ALTER TABLE app_user ADD COLUMN password_changed_at  DATETIME(6) NULL;
ALTER TABLE app_user ADD COLUMN last_sign_in_at      DATETIME(6) NULL;
ALTER TABLE app_user ADD COLUMN deactivated_at       DATETIME(6) NULL;
ALTER TABLE app_user ADD COLUMN deactivated_by       VARCHAR(100) NULL;

-- The user list sorts by display name and filters by role.
CREATE INDEX ix_app_user_display_name ON app_user (display_name);
CREATE INDEX ix_app_user_role_role ON app_user_role (role, user_id);
