-- Issue 21, sources and runs: where the scheduled difference fetch reads (a file path, a company mirror
-- URL or the NTA Web-API with its application id), how far the last applied fetch got (a file's validators,
-- the API's last day), and what started each run (an upload, "sync now", the schedule).
ALTER TABLE legal_entity_source ADD COLUMN application_id VARCHAR(200) NULL;
ALTER TABLE legal_entity_source ADD COLUMN etag VARCHAR(300) NULL;
ALTER TABLE legal_entity_source ADD COLUMN last_modified VARCHAR(100) NULL;
ALTER TABLE legal_entity_source ADD COLUMN fetched_through DATE NULL;
ALTER TABLE legal_entity_run ADD COLUMN run_trigger VARCHAR(20) NULL;
