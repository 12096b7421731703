-- Shared by every service (see platform/README): the transactional outbox and the applied-event inbox.
-- Service migrations live in db/migration and start at V2.

-- Events waiting to be relayed to Kafka. A row is written in the same transaction as the state
-- change it describes; the relay sends it and stamps sent_at.
CREATE TABLE outbox_event (
    seq            BIGSERIAL PRIMARY KEY,
    event_id       UUID         NOT NULL UNIQUE,
    topic          VARCHAR(200) NOT NULL,
    record_key     VARCHAR(200) NOT NULL,
    event_type     VARCHAR(200) NOT NULL,
    payload        TEXT         NOT NULL,
    created_at     TIMESTAMPTZ  NOT NULL,
    sent_at        TIMESTAMPTZ
);
CREATE INDEX outbox_event_unsent ON outbox_event (seq) WHERE sent_at IS NULL;
CREATE INDEX outbox_event_sent_at ON outbox_event (sent_at) WHERE sent_at IS NOT NULL;

-- Events this service has applied, so that a redelivered event is recognised and skipped.
CREATE TABLE applied_event (
    event_id        UUID         PRIMARY KEY,
    event_type      VARCHAR(200) NOT NULL,
    topic           VARCHAR(200) NOT NULL,
    record_partition INTEGER     NOT NULL,
    record_offset   BIGINT       NOT NULL,
    applied_at      TIMESTAMPTZ  NOT NULL
);
