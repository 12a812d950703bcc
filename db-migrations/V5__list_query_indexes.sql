-- Indexes for the supplier and contract list pages at 100,000 suppliers and 200,000 contracts
-- (docs/benchmarks.md). Each list orders by (sort column, id), so that pages never overlap or skip a
-- row; an index serves that order only if it holds both columns in that order. MariaDB appends the
-- primary key to a non-unique secondary index, but not to a UNIQUE one: the unique columns
-- (法人番号, supplier code, contract number) need a non-unique (column, id) index to walk in order.

-- Supplier list: sort by 法人番号, supplier code, last update (name_sort is indexed since V1).
CREATE INDEX ix_supplier_corporate_number_id ON supplier (corporate_number, id);
CREATE INDEX ix_supplier_code_id ON supplier (supplier_code, id);
CREATE INDEX ix_supplier_updated_at ON supplier (updated_at);

-- Contract list: sort by contract number, title, end date, required level. The trailing org_unit_id
-- lets a user with a data scope find a page in the index alone, without reading a row per entry.
CREATE INDEX ix_contract_number_scope ON contract (contract_number, id, org_unit_id);
CREATE INDEX ix_contract_title_scope ON contract (title, id, org_unit_id);
CREATE INDEX ix_contract_end_date_scope ON contract (end_date, id, org_unit_id);
CREATE INDEX ix_contract_level_scope ON contract (required_level, id, org_unit_id);
-- ix_contract_level (required_level) is a prefix of ix_contract_level_scope.
DROP INDEX ix_contract_level ON contract;

-- Contract list filtered by required level, in contract-number order (the default sort).
CREATE INDEX ix_contract_level_number ON contract (required_level, contract_number);
