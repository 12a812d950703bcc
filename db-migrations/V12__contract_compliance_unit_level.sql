-- Issue 6, dashboard speed: a contract's unit and required level beside its status, so the dashboard's
-- key figures, heat map and expiry timeline, and the lists' status and expiry filters within a user's
-- units, read one index range of contract_compliance instead of a primary-key look-up into contract for
-- each of 200,000 rows (docs/benchmarks.md, "Dashboard queries"). The evaluator writes both columns with
-- the status and rewrites them whenever they differ from the contract (a contract's edit is evaluated
-- right after it commits; the daily full run catches anything missed). docs/decisions/0012, "Update".
ALTER TABLE contract_compliance ADD COLUMN org_unit_id BIGINT NOT NULL DEFAULT 0;
ALTER TABLE contract_compliance ADD COLUMN required_level VARCHAR(10) NOT NULL DEFAULT 'NONE';

-- [jooq ignore start]
UPDATE contract_compliance cc JOIN contract c ON c.id = cc.contract_id
SET cc.org_unit_id = c.org_unit_id, cc.required_level = c.required_level;
-- [jooq ignore stop]

-- From now on every insert must say them (strict mode refuses a missing one).
ALTER TABLE contract_compliance ALTER COLUMN org_unit_id DROP DEFAULT;
ALTER TABLE contract_compliance ALTER COLUMN required_level DROP DEFAULT;

-- key figures and heat map: unit × level × status with the expiry date, index only, in GROUP BY order
CREATE INDEX ix_contract_compliance_unit_level
    ON contract_compliance (org_unit_id, required_level, status, earliest_valid_until);
-- expiry timeline and "expiring within N days": a range of dates, the unit checked within the index
-- (led by the unit, a group-wide count would read every entry)
CREATE INDEX ix_contract_compliance_until
    ON contract_compliance (earliest_valid_until, org_unit_id, required_level);
