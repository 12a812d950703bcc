-- Sort structures for the contract list at 200,000 contracts: see
-- docs/decisions/0005-list-search-fragments-sort-keys-capped-counts.md and docs/benchmarks.md. The
-- application keeps them in step with every write, in the same transaction (JooqSupplierRepository,
-- ContractRepository); the statements below fill them once for the rows that exist.

-- The supplier's name_sort, copied onto each of its contracts, so that the contract list sorts by
-- supplier name through an index on contract alone.
ALTER TABLE contract ADD COLUMN supplier_name_sort VARCHAR(300) NOT NULL DEFAULT '';

-- [jooq ignore start]
UPDATE contract c JOIN supplier s ON s.id = c.supplier_id SET c.supplier_name_sort = s.name_sort;
-- [jooq ignore stop]

-- From now on every insert must say what the sort key is (strict mode refuses a missing one).
ALTER TABLE contract ALTER COLUMN supplier_name_sort DROP DEFAULT;

-- Contract list sorted by supplier name, as the other sorts (V5): the key, id, and the unit for scoped users.
CREATE INDEX ix_contract_supplier_name_scope ON contract (supplier_name_sort, id, org_unit_id);
