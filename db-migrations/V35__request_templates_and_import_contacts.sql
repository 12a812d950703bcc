-- Issue 19: the letters to suppliers per gap type and language, as risk managers edited them. A template with
-- no row here is the default from the message bundles (request.template.*); "reset to default" deletes the row.
-- Placeholders are named ({supplier}, {level}, {dueDate}, {contracts}, {sender}) and checked on save.
CREATE TABLE request_template (
    gap_type   VARCHAR(30)   NOT NULL,
    language   VARCHAR(5)    NOT NULL,
    body       VARCHAR(4000) NOT NULL,
    updated_at DATETIME(6)   NOT NULL,
    updated_by VARCHAR(100)  NOT NULL,
    version    INT           NOT NULL DEFAULT 0,
    PRIMARY KEY (gap_type, language)
);

-- The supplier import's optional contact columns (部署, 電話番号; 担当者名 and メールアドレス were staged
-- already): a row with a contact creates or updates the supplier's primary contact (supplier_contact).
ALTER TABLE import_supplier_stage ADD COLUMN contact_department TEXT NULL;
ALTER TABLE import_supplier_stage ADD COLUMN contact_phone TEXT NULL;
