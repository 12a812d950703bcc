-- Set-based contract import (issues 15 and 17, docs/decisions/0031-set-based-contract-import.md).
-- As import_supplier_stage (V21): the file's rows are streamed in (each cell read and checked on the way),
-- classified against the master with one plain, non-locking SELECT, and the apply writes from here in one
-- short transaction. Rows belong to their import run and go with it.
CREATE TABLE import_contract_stage (
    run_id           BIGINT        NOT NULL,
    row_no           INT           NOT NULL,
    -- the contract number as written (the row's key); NULL: the row's key is #row
    contract_number  VARCHAR(2000) NULL,
    -- SHA-1 of the row's cells as written: a repeated number with other values is an error
    values_hash      CHAR(40)      NOT NULL,
    title            TEXT          NULL,
    -- the supplier cell, and what it names: a valid 法人番号, else a supplier code
    supplier_ref     VARCHAR(2000) NULL,
    supplier_cn      CHAR(13)      NULL,
    supplier_code    VARCHAR(2000) NULL,
    unit_ref         VARCHAR(2000) NULL,
    -- the unit the cell names (units are few: resolved while streaming; NULL with a unit_ref: unknown)
    org_unit_id      BIGINT        NULL,
    owner_ref        VARCHAR(2000) NULL,
    start_date       DATE          NULL,
    end_date         DATE          NULL,
    required_level   VARCHAR(10)   NULL,
    -- the level cell as written (the preview shows it on a row in error)
    level_text       VARCHAR(2000) NULL,
    q_confidential   BOOLEAN       NULL,
    q_critical       BOOLEAN       NULL,
    q_network        BOOLEAN       NULL,
    level_reason     TEXT          NULL,
    -- problems found while streaming (JSON list of FieldProblem): unreadable dates, levels, answers
    problems_json    TEXT          NULL,
    -- the classification against the master, written by the check and again by the apply: the contract
    -- as it is to be stored and as it was read (JSON), and the version it was read at
    outcome          VARCHAR(20)   NULL,
    contract_id      BIGINT        NULL,
    contract_version INT           NULL,
    form_json        TEXT          NULL,
    before_json      TEXT          NULL,
    PRIMARY KEY (run_id, row_no),
    CONSTRAINT fk_import_contract_stage_run FOREIGN KEY (run_id) REFERENCES import_run (id) ON DELETE CASCADE
);

-- Register first load (issue 17): a kind's very first load is one event on its run, not a NEW change per
-- entry. The run says it was the initial load; each entry remembers the run that first saw it, which is
-- where its history starts (a NEW change row for entries added later, the run's initial load otherwise).
ALTER TABLE register_sync_run ADD COLUMN initial_load BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE register_entry ADD COLUMN first_seen_run_id BIGINT NULL;
