-- Issue 21: an applied NTA file now keeps the name fragments in step from its staged rows
-- (LegalEntityRepository.dropReplacedNameFragments / addNameFragments, docs/decisions/0041), so nothing reads
-- legal_entity.last_run_id through this index any more; it only cost every load a write per corporation.
DROP INDEX ix_legal_entity_last_run ON legal_entity;
