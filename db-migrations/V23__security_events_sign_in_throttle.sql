-- Sign-in throttling and security events (issue 15, item 3). Not user-editable: written by the sign-in
-- filter and the API token filter, read by administrators. Timestamps are UTC.

-- One row per throttled key: 'account:<user name>', 'address:<client address>' (password form) or
-- 'token:<client address>' (wrong bearer tokens). failures counts failures since last_failure_at was more
-- than the forget-after window ago; blocked_until refuses attempts early (a delay, then a lock).
CREATE TABLE sign_in_throttle (
    throttle_key    VARCHAR(200) NOT NULL PRIMARY KEY,
    failures        INT          NOT NULL,
    last_failure_at DATETIME(6)  NOT NULL,
    blocked_until   DATETIME(6)  NULL,
    locked          BOOLEAN      NOT NULL DEFAULT FALSE
);

CREATE TABLE security_event (
    id             BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    occurred_at    DATETIME(6)  NOT NULL,
    kind           VARCHAR(30)  NOT NULL,
    username       VARCHAR(100) NULL,
    client_address VARCHAR(64)  NULL,
    detail         VARCHAR(500) NULL,
    CONSTRAINT ck_security_event_kind CHECK (kind IN ('SIGN_IN_SUCCEEDED', 'SIGN_IN_FAILED', 'SIGN_IN_THROTTLED',
        'LOCKED', 'TOKEN_REFUSED', 'TOKEN_THROTTLED', 'UNLOCKED'))
);
CREATE INDEX ix_security_event_time ON security_event (occurred_at, id);
CREATE INDEX ix_security_event_kind_time ON security_event (kind, occurred_at);
