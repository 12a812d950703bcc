-- Alerts (issue 7): what happened once, who was told in the app, and an outbox of e-mails and webhook
-- posts sent by the dispatcher job. See docs/decisions/0011-alert-outbox.md.

-- One row per thing worth telling: a chain finding's status change or lead-time crossing, a register
-- that is not current, a finished import. dedup_key names it (finding, kind, threshold, episode), so
-- reading the same compliance event twice can never make a second alert. Texts are snapshots taken when
-- the alert was made, so a mail sent from the outbox later says what was true then.
CREATE TABLE alert (
    id               BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    dedup_key        VARCHAR(190)  NOT NULL,
    -- STATUS, EXPIRING, RESOLVED, REGISTER_STALE, IMPORT_FINISHED
    kind             VARCHAR(20)   NOT NULL,
    created_at       DATETIME(6)   NOT NULL,
    source_event_id  BIGINT        NULL,
    contract_id      BIGINT        NULL,
    contract_number  VARCHAR(50)   NULL,
    contract_title   VARCHAR(300)  NULL,
    supplier_id      BIGINT        NULL,
    supplier_name    VARCHAR(300)  NULL,
    corporate_number CHAR(13)      NULL,
    status           VARCHAR(20)   NULL,
    previous_status  VARCHAR(20)   NULL,
    warning_days     INT           NULL,
    required_level   VARCHAR(10)   NULL,
    held_level       VARCHAR(10)   NULL,
    valid_until      DATE          NULL,
    reason_code      VARCHAR(40)   NULL,
    import_run_id    BIGINT        NULL,
    -- a few words that fill the message: counts of an import, the time of the last sync, ...
    details_json     VARCHAR(2000) NULL,
    CONSTRAINT uk_alert_dedup UNIQUE (dedup_key)
);
CREATE INDEX ix_alert_created ON alert (created_at);

-- The in-app notification centre: one row per alert and person who should hear of it.
CREATE TABLE alert_notification (
    alert_id   BIGINT      NOT NULL,
    user_id    BIGINT      NOT NULL,
    created_at DATETIME(6) NOT NULL,
    read_at    DATETIME(6) NULL,
    PRIMARY KEY (alert_id, user_id),
    CONSTRAINT fk_alert_notification_alert FOREIGN KEY (alert_id) REFERENCES alert (id) ON DELETE CASCADE,
    CONSTRAINT fk_alert_notification_user FOREIGN KEY (user_id) REFERENCES app_user (id) ON DELETE CASCADE
);
CREATE INDEX ix_alert_notification_user ON alert_notification (user_id, read_at, alert_id);

-- The outbox: one delivery per (alert, channel, recipient); recipient 0 is the group's webhook.
-- status: PENDING (waiting until due_at), SENDING (claimed by a dispatcher until claimed_until), SENT,
-- FAILED (gave up after max attempts), UNCERTAIN (its sender stopped mid-send: never re-sent by itself).
CREATE TABLE alert_outbox (
    id            BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    alert_id      BIGINT        NOT NULL,
    channel       VARCHAR(10)   NOT NULL,
    recipient_id  BIGINT        NOT NULL,
    language      VARCHAR(5)    NOT NULL,
    digest        BOOLEAN       NOT NULL,
    status        VARCHAR(10)   NOT NULL,
    due_at        DATETIME(6)   NOT NULL,
    attempts      INT           NOT NULL DEFAULT 0,
    claim_token   VARCHAR(40)   NULL,
    claimed_until DATETIME(6)   NULL,
    message_id    VARCHAR(200)  NULL,
    address       VARCHAR(500)  NULL,
    last_error    VARCHAR(1000) NULL,
    created_at    DATETIME(6)   NOT NULL,
    sent_at       DATETIME(6)   NULL,
    version       INT           NOT NULL DEFAULT 0,
    CONSTRAINT uk_alert_outbox UNIQUE (alert_id, channel, recipient_id),
    CONSTRAINT fk_alert_outbox_alert FOREIGN KEY (alert_id) REFERENCES alert (id) ON DELETE CASCADE
);
CREATE INDEX ix_alert_outbox_due ON alert_outbox (status, due_at);
CREATE INDEX ix_alert_outbox_claim ON alert_outbox (claim_token);

-- Per-user choices; a user without a row gets e-mail at once in the language of their account.
CREATE TABLE alert_preference (
    user_id       BIGINT      NOT NULL PRIMARY KEY,
    email_enabled BOOLEAN     NOT NULL,
    daily_digest  BOOLEAN     NOT NULL,
    language      VARCHAR(5)  NOT NULL,
    updated_at    DATETIME(6) NOT NULL,
    version       INT         NOT NULL DEFAULT 0,
    CONSTRAINT fk_alert_preference_user FOREIGN KEY (user_id) REFERENCES app_user (id) ON DELETE CASCADE
);

-- The group's incoming webhook (Teams or Slack), set by an administrator. One row.
CREATE TABLE alert_webhook (
    id         INT           NOT NULL PRIMARY KEY,
    url        VARCHAR(1000) NULL,
    enabled    BOOLEAN       NOT NULL,
    language   VARCHAR(5)    NOT NULL,
    updated_by VARCHAR(100)  NULL,
    updated_at DATETIME(6)   NULL,
    version    INT           NOT NULL DEFAULT 0
);
INSERT INTO alert_webhook (id, url, enabled, language, version) VALUES (1, NULL, FALSE, 'ja', 0);

-- How far the alert module has read compliance_event (by id), moved in the same transaction that
-- writes the alerts made from those events: a crash or restart neither loses nor repeats one.
CREATE TABLE alert_cursor (
    name       VARCHAR(40) NOT NULL PRIMARY KEY,
    last_id    BIGINT      NOT NULL,
    updated_at DATETIME(6) NULL
);
INSERT INTO alert_cursor (name, last_id) VALUES ('compliance_event', 0);
