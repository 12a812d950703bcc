-- Issue 21, decision 0046: a very first NTA file commits without the name fragments of its corporations
-- (building them was 5.5 x a bare LOAD DATA of the whole file); they are built afterwards in chunks by
-- corporate_number. One row says how far that build is, so it resumes after a restart and the candidate
-- search can say that "contains" matches are still being indexed.
CREATE TABLE legal_entity_name_index (
    id            TINYINT     NOT NULL PRIMARY KEY,
    pending       BOOLEAN     NOT NULL DEFAULT FALSE,
    built_through CHAR(13)    NULL,
    built         BIGINT      NOT NULL DEFAULT 0,
    total         BIGINT      NOT NULL DEFAULT 0,
    run_id        BIGINT      NULL,
    updated_at    DATETIME(6) NULL
);

INSERT INTO legal_entity_name_index (id, pending, built, total) VALUES (1, FALSE, 0, 0);
