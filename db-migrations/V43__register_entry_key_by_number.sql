-- Issue 17, docs/decisions/0044-register-first-load.md: the register's unique key leads with the 法人番号, so it
-- serves every look-up by number (the suppliers', the evaluation's, the requests') and the separate index on
-- corporate_number is one index too many to write on every load. Queries by kind alone read the table either
-- way (two kinds). One clause per statement: jOOQ's DDL parser, which generates our code from these files,
-- takes no more.
ALTER TABLE register_entry ADD CONSTRAINT uk_register_entry_number_kind UNIQUE (corporate_number, kind);
ALTER TABLE register_entry DROP CONSTRAINT uk_register_entry;
DROP INDEX ix_register_entry_number ON register_entry;
