-- Search and sort structures for the supplier and contract lists at 100,000 suppliers and 200,000
-- contracts: see docs/decisions/0005-list-search-fragments-sort-keys-capped-counts.md and
-- docs/benchmarks.md. The application keeps them in step with every write, in the same transaction
-- (JooqSupplierRepository, ContractRepository); the statements below fill them once for the rows that
-- exist. The fill uses MariaDB's Sequence engine (seq_1_to_300: one row per character position), as
-- the repositories do.

-- For every character position of supplier.name_normalized (which holds CompanyNames.normalize(name)),
-- the name from there on, cut to 8 characters (TextFragments). A name contains a term of up to 8
-- characters exactly when one of its fragments starts with the term: substring search becomes a prefix
-- range on this table's primary key. With the supplier's name_sort, the list's default order, so that a
-- search in that order reads no supplier row until the page.
CREATE TABLE supplier_name_fragment (
    fragment    VARCHAR(8)   NOT NULL,
    supplier_id BIGINT       NOT NULL,
    name_sort   VARCHAR(300) NOT NULL,
    PRIMARY KEY (fragment, supplier_id)
);

-- The same for contract.title, with the contract's unit, level and number: a search restricted to a
-- user's units or to a level is answered within the index range, and one in the list's default order
-- (by contract number) without reading a contract row.
CREATE TABLE contract_title_fragment (
    fragment        VARCHAR(8)  NOT NULL,
    contract_id     BIGINT      NOT NULL,
    org_unit_id     BIGINT      NOT NULL,
    required_level  VARCHAR(10) NOT NULL,
    contract_number VARCHAR(50) NOT NULL,
    PRIMARY KEY (fragment, contract_id)
);

-- The supplier's name_sort, copied onto each of its contracts, so that the contract list sorts by
-- supplier name through an index on contract alone.
ALTER TABLE contract ADD COLUMN supplier_name_sort VARCHAR(300) NOT NULL DEFAULT '';

-- [jooq ignore start]
-- Inserted in primary key order, with the secondary indexes built afterwards: several times faster
-- than filling indexed tables in random order.
INSERT INTO supplier_name_fragment (fragment, supplier_id, name_sort)
SELECT DISTINCT SUBSTRING(s.name_normalized, q.seq, 8) AS fragment, s.id, s.name_sort
FROM supplier s
JOIN seq_1_to_300 q ON q.seq <= CHAR_LENGTH(s.name_normalized)
ORDER BY fragment, s.id;

INSERT INTO contract_title_fragment (fragment, contract_id, org_unit_id, required_level, contract_number)
SELECT DISTINCT SUBSTRING(c.title, q.seq, 8) AS fragment, c.id, c.org_unit_id, c.required_level, c.contract_number
FROM contract c
JOIN seq_1_to_300 q ON q.seq <= CHAR_LENGTH(c.title)
ORDER BY fragment, c.id;

UPDATE contract c JOIN supplier s ON s.id = c.supplier_id SET c.supplier_name_sort = s.name_sort;
-- [jooq ignore stop]

-- From now on every insert must say what the sort key is (strict mode refuses a missing one).
ALTER TABLE contract ALTER COLUMN supplier_name_sort DROP DEFAULT;

CREATE INDEX ix_supplier_name_fragment_supplier ON supplier_name_fragment (supplier_id);
CREATE INDEX ix_contract_title_fragment_contract ON contract_title_fragment (contract_id);
-- Contract list sorted by supplier name, as the other sorts (V5): the key, id, and the unit for scoped users.
CREATE INDEX ix_contract_supplier_name_scope ON contract (supplier_name_sort, id, org_unit_id);
-- A supplier's contracts with their unit and number: a search by supplier name, and the supplier page's
-- contract list, find them in default order without reading the rows. Replaces ix_contract_supplier,
-- its prefix (which the foreign key to supplier used).
CREATE INDEX ix_contract_supplier_number ON contract (supplier_id, contract_number, org_unit_id);
-- [jooq ignore start]
-- (jOOQ's DDL interpreter does not let a foreign key move to another index; MariaDB does.)
DROP INDEX ix_contract_supplier ON contract;
-- [jooq ignore stop]

-- Fragments go with their supplier or contract. The rows were just derived from those tables, so the
-- constraints are added without checking two million rows one by one.
-- [jooq ignore start]
SET foreign_key_checks = 0;
-- [jooq ignore stop]
ALTER TABLE supplier_name_fragment
    ADD CONSTRAINT fk_supplier_name_fragment_supplier FOREIGN KEY (supplier_id) REFERENCES supplier (id) ON DELETE CASCADE;
ALTER TABLE contract_title_fragment
    ADD CONSTRAINT fk_contract_title_fragment_contract FOREIGN KEY (contract_id) REFERENCES contract (id) ON DELETE CASCADE;
-- [jooq ignore start]
SET foreign_key_checks = 1;
-- [jooq ignore stop]
