-- Issue 21: the candidate search for a missing 法人番号 finds corporations whose normalised name contains a
-- supplier's through an index, not a scan of legal_entity (5.6 million rows in reality). The same
-- structure as supplier_name_fragment (V6, TextFragments, docs/decisions/0009): for every character
-- position of legal_entity.name_normalized, the name from there on cut to 8 characters; "contains T" is a
-- prefix range on the primary key. LegalEntityRepository keeps it in step with every applied file.
CREATE TABLE legal_entity_name_fragment (
    fragment         VARCHAR(8) NOT NULL,
    corporate_number CHAR(13)   NOT NULL,
    PRIMARY KEY (fragment, corporate_number)
);

-- [jooq ignore start]
INSERT INTO legal_entity_name_fragment (fragment, corporate_number)
SELECT DISTINCT SUBSTRING(e.name_normalized, q.seq, 8) AS fragment, e.corporate_number
FROM legal_entity e
JOIN seq_1_to_300 q ON q.seq <= CHAR_LENGTH(e.name_normalized)
ORDER BY fragment, e.corporate_number;
-- [jooq ignore stop]

-- A load refreshes the fragments of the corporations it wrote (last_run_id) and nothing else.
CREATE INDEX ix_legal_entity_last_run ON legal_entity (last_run_id);
