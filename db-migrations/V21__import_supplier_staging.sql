-- Set-based supplier import (issues 15 and 17, docs/decisions/0023-set-based-supplier-import.md).
-- The file's rows are streamed into this table (checked cell by cell on the way in), classified against
-- the master with plain, non-locking reads, and the apply writes from here in one short transaction.
-- A preview takes no lock on live tables. Rows belong to their import run and go with it.
CREATE TABLE import_supplier_stage (
    run_id           BIGINT        NOT NULL,
    row_no           INT           NOT NULL,
    -- the row's key as the preview shows it: 法人番号, else supplier code, else name, else #row
    row_key          VARCHAR(2000) NOT NULL,
    key_hash         CHAR(40)      NOT NULL,
    -- SHA-1 of the row's values as written in the file: a repeated key with other values is an error
    values_hash      CHAR(40)      NOT NULL,
    -- false when a cell problem stops the row before its key (bad 法人番号, error cell): not compared
    keyed            BOOLEAN       NOT NULL,
    raw_corporate_number VARCHAR(2000) NULL,
    corporate_number CHAR(13)      NULL,
    supplier_code    VARCHAR(2000) NULL,
    name             VARCHAR(2000) NULL,
    name_kana        VARCHAR(2000) NULL,
    country          VARCHAR(2000) NULL,
    address          TEXT          NULL,
    contact_name     TEXT          NULL,
    contact_email    TEXT          NULL,
    notes            TEXT          NULL,
    -- problems found while streaming (JSON list of FieldProblem): before the key, or of the values
    key_problems_json   TEXT       NULL,
    value_problems_json TEXT       NULL,
    -- the classification against the master, written by the check and again by the apply
    outcome          VARCHAR(20)   NULL,
    supplier_id      BIGINT        NULL,
    supplier_version INT           NULL,
    PRIMARY KEY (run_id, row_no),
    CONSTRAINT fk_import_supplier_stage_run FOREIGN KEY (run_id) REFERENCES import_run (id) ON DELETE CASCADE
);
