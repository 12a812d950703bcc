-- Issue 24: the register source is configured in the app by an administrator. A fresh install seeds it
-- from hoshimi.register.* (origin PROPERTIES: follows the properties on each start until an administrator
-- saves it, then origin ADMIN and the properties no longer apply). source_type HTTP, FILE or NONE.
CREATE TABLE register_source (
    kind        VARCHAR(20)   NOT NULL PRIMARY KEY,
    source_type VARCHAR(10)   NOT NULL,
    location    VARCHAR(1000) NULL,
    format      VARCHAR(10)   NULL,
    origin      VARCHAR(20)   NOT NULL,
    updated_by  VARCHAR(100)  NULL,
    updated_at  DATETIME(6)   NULL,
    version     INT           NOT NULL DEFAULT 0
);

-- Issue 24: test messages an administrator sent (mail or webhook) and whether they arrived: a set-up step.
CREATE TABLE alert_test_message (
    id         BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    channel    VARCHAR(10)   NOT NULL,
    recipient  VARCHAR(1000) NOT NULL,
    succeeded  BOOLEAN       NOT NULL,
    detail     VARCHAR(1000) NULL,
    sent_by    VARCHAR(100)  NOT NULL,
    sent_at    DATETIME(6)   NOT NULL
);
CREATE INDEX ix_alert_test_message_ok ON alert_test_message (succeeded, sent_at);
