-- Every alert the view raised, as published on succession-alerts: written in the change-set that raised
-- it, kept for GET /api/v1/succession/alerts and for webhook deliveries. A rebuild leaves it alone.
CREATE TABLE succession_alert (
    seq                BIGSERIAL    UNIQUE,
    alert_id           UUID         PRIMARY KEY,
    event_type         VARCHAR(200) NOT NULL,
    post_id            UUID         NOT NULL,
    ods_code           VARCHAR(10),
    role               VARCHAR(40)  NOT NULL,
    region             VARCHAR(40),
    organisation_type  VARCHAR(40),
    oversight_segment  INTEGER,
    raised_at          TIMESTAMPTZ  NOT NULL,
    payload            TEXT         NOT NULL
);
CREATE INDEX succession_alert_raised ON succession_alert (raised_at, seq);

-- Webhook subscriptions: where alerts matching the filters (null: any) are posted, signed with the secret.
CREATE TABLE webhook_subscription (
    subscription_id    UUID          PRIMARY KEY,
    url                VARCHAR(2000) NOT NULL,
    secret             VARCHAR(200)  NOT NULL,
    description        VARCHAR(200),
    region             VARCHAR(40),
    organisation_type  VARCHAR(40),
    role               VARCHAR(40),
    oversight_segment  INTEGER,
    created_by         VARCHAR(200)  NOT NULL,
    created_at         TIMESTAMPTZ   NOT NULL,
    deleted_at         TIMESTAMPTZ
);

-- One row per alert and subscription: the delivery's outbox and its log. Inserted in the transaction that
-- raised the alert, so a crash loses none; PENDING until the receiver answers 2xx (DELIVERED) or the retry
-- schedule is spent (FAILED).
CREATE TABLE webhook_delivery (
    subscription_id       UUID         NOT NULL REFERENCES webhook_subscription,
    alert_id              UUID         NOT NULL REFERENCES succession_alert,
    status                VARCHAR(20)  NOT NULL,
    attempts              INTEGER      NOT NULL DEFAULT 0,
    created_at            TIMESTAMPTZ  NOT NULL,
    next_attempt_at       TIMESTAMPTZ,
    last_attempt_at       TIMESTAMPTZ,
    last_response_status  INTEGER,
    last_error            VARCHAR(500),
    delivered_at          TIMESTAMPTZ,
    PRIMARY KEY (subscription_id, alert_id)
);
CREATE INDEX webhook_delivery_due ON webhook_delivery (next_attempt_at) WHERE status = 'PENDING';
