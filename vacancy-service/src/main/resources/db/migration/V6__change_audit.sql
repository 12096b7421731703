-- Who changed what, and when: one row per event vacancy-service publishes (organisations' details,
-- posts' incumbents, departures and interim covers, vacancies, applications), written in the
-- transaction of the change. Field names only, never their values.
CREATE TABLE change_audit (
    event_id      UUID         PRIMARY KEY,
    ods_code      VARCHAR(10)  NOT NULL,
    event_type    VARCHAR(200) NOT NULL,
    aggregate_id  VARCHAR(100) NOT NULL,
    changed       TEXT         NOT NULL,
    changed_by    VARCHAR(200) NOT NULL,
    changed_at    TIMESTAMPTZ  NOT NULL
);
CREATE INDEX change_audit_ods_time ON change_audit (ods_code, changed_at);
CREATE INDEX change_audit_time ON change_audit (changed_at);
