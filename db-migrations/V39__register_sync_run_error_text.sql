-- A failed sync's reason as a message key and its arguments (JSON), so that the run history shows it in the
-- reader's language (issue 23); error_detail keeps the English sentence for logs and the API.
ALTER TABLE register_sync_run
    ADD COLUMN error_text VARCHAR(2000) NULL AFTER error_detail;
