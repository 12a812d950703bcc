-- Issue 23: how each register's feed names its fields and writes its values, set by an administrator in the
-- app (the official format is published after release). A fresh install seeds it from
-- hoshimi.register.<kind>.mapping.* (origin PROPERTIES, follows the properties on each start until an
-- administrator saves it; then origin ADMIN). Value vocabularies are lines "feed value=OURS", e.g. "★3=STAR3".
CREATE TABLE register_mapping (
    kind                  VARCHAR(20)   NOT NULL PRIMARY KEY,
    corporate_number_field VARCHAR(200) NOT NULL,
    name_field            VARCHAR(200)  NOT NULL,
    level_field           VARCHAR(200)  NOT NULL,
    registered_on_field   VARCHAR(200)  NULL,
    valid_until_field     VARCHAR(200)  NULL,
    status_field          VARCHAR(200)  NOT NULL,
    scope_field           VARCHAR(200)  NULL,
    assessment_body_field VARCHAR(200)  NULL,
    entries_path          VARCHAR(200)  NOT NULL,
    level_values          VARCHAR(4000) NOT NULL,
    status_values         VARCHAR(4000) NOT NULL,
    date_pattern          VARCHAR(100)  NOT NULL,
    encoding              VARCHAR(20)   NOT NULL,
    origin                VARCHAR(20)   NOT NULL,
    updated_by            VARCHAR(100)  NULL,
    updated_at            DATETIME(6)   NULL,
    version               INT           NOT NULL DEFAULT 0
);
