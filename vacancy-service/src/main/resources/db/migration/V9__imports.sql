-- Imports (org.understudy.platform.imports): each job and how far it got, and the clients' own keys of
-- the rows imported, with a hash of each row's content (the same file twice changes nothing). The instance
-- holding a queued or running job renews heartbeat_at; a job whose heartbeat stopped is marked FAILED.
CREATE TABLE import_job (
    job_id       UUID PRIMARY KEY,
    kind         VARCHAR(60)  NOT NULL,
    status       VARCHAR(20)  NOT NULL,
    dry_run      BOOLEAN      NOT NULL,
    atomic       BOOLEAN      NOT NULL,
    file_format  VARCHAR(10)  NOT NULL,
    rows_total   INTEGER      NOT NULL,
    rows_done    INTEGER      NOT NULL DEFAULT 0,
    created      INTEGER      NOT NULL DEFAULT 0,
    updated      INTEGER      NOT NULL DEFAULT 0,
    unchanged    INTEGER      NOT NULL DEFAULT 0,
    rejected     INTEGER      NOT NULL DEFAULT 0,
    problems     TEXT         NOT NULL DEFAULT '[]',
    message      TEXT,
    submitted_by VARCHAR(200) NOT NULL,
    submitted_at TIMESTAMPTZ  NOT NULL,
    started_at   TIMESTAMPTZ,
    finished_at  TIMESTAMPTZ,
    heartbeat_at TIMESTAMPTZ  NOT NULL
);

CREATE TABLE import_key (
    kind         VARCHAR(60)  NOT NULL,
    client_key   VARCHAR(200) NOT NULL,
    entity_id    UUID         NOT NULL,
    content_hash VARCHAR(64)  NOT NULL,
    imported_at  TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (kind, client_key)
);
