-- An API token may be bound to an organisation unit: it then sees that unit and the units below it,
-- like a user who is a member there. NULL = the whole group (not allowed for PROCUREMENT tokens).
ALTER TABLE api_token ADD COLUMN org_unit_id BIGINT NULL;
ALTER TABLE api_token ADD CONSTRAINT fk_api_token_unit FOREIGN KEY (org_unit_id) REFERENCES org_unit (id);
