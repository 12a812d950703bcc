-- Issue 13: one alert per supplier event (a supplier's status change or lead time crossed), listing the
-- contracts it affects, instead of one alert per contract link. See docs/decisions/0011-alert-outbox.md.

-- The contracts an alert is about, as they were when it was told (snapshots, like the alert's own texts).
-- A contract added to the same event by a later evaluation is one more row (INSERT IGNORE: read twice, once).
CREATE TABLE alert_contract (
    alert_id        BIGINT       NOT NULL,
    contract_id     BIGINT       NOT NULL,
    contract_number VARCHAR(50)  NOT NULL,
    contract_title  VARCHAR(300) NULL,
    required_level  VARCHAR(10)  NULL,
    PRIMARY KEY (alert_id, contract_id),
    CONSTRAINT fk_alert_contract_alert FOREIGN KEY (alert_id) REFERENCES alert (id) ON DELETE CASCADE
);

-- Which of those contracts each person told may see (their data scope when it was told): the notification
-- centre and their mail list only these.
CREATE TABLE alert_notification_contract (
    alert_id    BIGINT NOT NULL,
    user_id     BIGINT NOT NULL,
    contract_id BIGINT NOT NULL,
    PRIMARY KEY (alert_id, user_id, contract_id),
    CONSTRAINT fk_alert_notification_contract FOREIGN KEY (alert_id) REFERENCES alert (id) ON DELETE CASCADE
);
