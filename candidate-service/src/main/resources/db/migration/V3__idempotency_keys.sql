-- Idempotency keys of POST requests: claimed in the transaction of the write they guard, with the
-- response stored alongside, kept 24 hours (understudy.idempotency.keep). scope is the caller, the
-- method and the path; fingerprint a hash of the request.
CREATE TABLE idempotency_key (
    scope           text        NOT NULL,
    idempotency_key text        NOT NULL,
    fingerprint     text        NOT NULL,
    status          integer,
    location        text,
    etag            text,
    body            text,
    created_at      timestamptz NOT NULL,
    PRIMARY KEY (scope, idempotency_key)
);
CREATE INDEX idempotency_key_created_at ON idempotency_key (created_at);
