-- Issue 17 (docs/decisions/0047-supplier-check-without-window-sorts.md): the check finds repeated supplier codes
-- of a file by grouping on this SHA-1 of the code instead of sorting every staged row by the code (up to 2,000
-- characters) with window functions. NULL where the row has no code.
ALTER TABLE import_supplier_stage ADD COLUMN code_hash CHAR(40) NULL;
