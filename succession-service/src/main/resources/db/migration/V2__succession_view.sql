-- The read model. Nothing here is authoritative: it is rebuilt from the topics. No personal data.

-- Organisations as the latest vacancy event described them.
CREATE TABLE organisation_view (
    ods_code           VARCHAR(5)   PRIMARY KEY,
    name               VARCHAR(200) NOT NULL,
    region             VARCHAR(40)  NOT NULL,
    organisation_type  VARCHAR(20)  NOT NULL,
    oversight_segment  INTEGER      NOT NULL,
    version            BIGINT       NOT NULL,
    updated_at         TIMESTAMPTZ  NOT NULL
);

-- One row per post: its stored succession numbers and the event they reflect.
CREATE TABLE post_succession (
    post_id          UUID         PRIMARY KEY,
    ods_code         VARCHAR(5)   NOT NULL,
    role             VARCHAR(40)  NOT NULL,
    version          BIGINT       NOT NULL,
    named_ready_now  INTEGER      NOT NULL,
    pool_ready_now   INTEGER      NOT NULL,
    ready_now        INTEGER      NOT NULL,
    ready_soon       INTEGER      NOT NULL,
    replaceability   VARCHAR(10)  NOT NULL,
    last_event_id    UUID         NOT NULL,
    last_topic       VARCHAR(200) NOT NULL,
    last_partition   INTEGER      NOT NULL,
    last_offset      BIGINT       NOT NULL,
    updated_at       TIMESTAMPTZ  NOT NULL
);
CREATE INDEX post_succession_ods_code ON post_succession (ods_code);
CREATE INDEX post_succession_ready_now ON post_succession (ready_now);
