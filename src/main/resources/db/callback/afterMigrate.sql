-- Flyway callback, run by the migration user after every migrate (also when nothing was pending): the
-- application's own database user reads and writes every table except the audit log, which it may only read
-- and append to (issue 15; docs/security.md, docs/decisions/0032-audit-grants-after-migrate.md). Does nothing
-- unless DB_GRANT_USER names that user (development runs one user, and a server without grant tables).
DELIMITER //
BEGIN NOT ATOMIC
  DECLARE account VARCHAR(400) DEFAULT CONCAT(QUOTE('${grant_user}'), '@', QUOTE('${grant_host}'));
  IF '${grant_user}' <> '' THEN
    FOR t IN (SELECT table_name AS name FROM information_schema.tables
               WHERE table_schema = DATABASE() AND table_type = 'BASE TABLE'
                 AND table_name NOT IN ('audit_event', 'flyway_schema_history')) DO
      EXECUTE IMMEDIATE CONCAT('GRANT SELECT, INSERT, UPDATE, DELETE ON `', t.name, '` TO ', account);
    END FOR;
    EXECUTE IMMEDIATE CONCAT('GRANT SELECT, INSERT ON audit_event TO ', account);
    -- the Sequence engine's virtual table the name-fragment index is built from (not a base table above)
    EXECUTE IMMEDIATE CONCAT('GRANT SELECT ON seq_1_to_300 TO ', account);
    EXECUTE IMMEDIATE CONCAT('GRANT CREATE TEMPORARY TABLES ON `', DATABASE(), '`.* TO ', account);
  END IF;
END//
DELIMITER ;
