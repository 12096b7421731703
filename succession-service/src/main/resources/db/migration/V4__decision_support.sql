-- Decision support for regulators (issue 6): interim cover, the view's version, dismissal-readiness
-- assessments. PostgreSQL 14 and 15.

-- Someone named to cover a post as interim if its leader had to go at once (post events carry it).
-- A cover is named when interim_named_on is set; its candidate id is null for someone outside the pipeline.
ALTER TABLE post_succession ADD COLUMN interim_candidate_id UUID;
ALTER TABLE post_succession ADD COLUMN interim_named_on DATE;
ALTER TABLE post_succession_history ADD COLUMN interim_candidate_id UUID;
ALTER TABLE post_succession_history ADD COLUMN interim_named_on DATE;

-- Grows by one in every transaction that changes who counts for which post, or the posts and
-- organisations themselves (not for vacancy figures): cached answers (consequence capacity) compare
-- it with the version they were computed at. Not part of the rebuilt view: a rebuild moves it on.
CREATE TABLE view_version (
    id       INTEGER PRIMARY KEY CHECK (id = 1),
    version  BIGINT  NOT NULL
);
INSERT INTO view_version (id, version) VALUES (1, 0);

-- The highest offset applied per topic-partition, read when an assessment is recorded.
CREATE INDEX applied_event_position ON applied_event (topic, record_partition, record_offset);
-- Regional exits by role and date (dismissal readiness, aggregates).
CREATE INDEX candidate_exit_role_date ON candidate_exit (role, exit_date);

-- Dismissal-readiness assessments: the only authoritative data of this service (DESIGN.md). Never
-- rebuilt, never changed: append-only, each record chained to the previous one by its hash.
CREATE TABLE dismissal_assessment (
    seq                BIGINT        PRIMARY KEY,           -- 1, 2, 3 ... without gaps: the chain's order
    assessment_id      UUID          NOT NULL UNIQUE,
    post_id            UUID          NOT NULL,
    ods_code           VARCHAR(5)    NOT NULL,
    region             VARCHAR(40),
    organisation_type  VARCHAR(20),
    role               VARCHAR(40)   NOT NULL,
    credible           BOOLEAN       NOT NULL,
    purpose            VARCHAR(2000) NOT NULL,
    asked_by           VARCHAR(200)  NOT NULL,
    recorded_at        TIMESTAMPTZ   NOT NULL,
    as_of              TIMESTAMPTZ,                          -- the instant asked for; null for the live view
    answer             TEXT          NOT NULL,               -- the dismissal-readiness answer, JSON, as returned then
    positions          TEXT          NOT NULL,               -- the event positions the view reflected, JSON
    previous_hash      VARCHAR(64)   NOT NULL,               -- record_hash of seq - 1 (64 zeros for the first)
    record_hash        VARCHAR(64)   NOT NULL UNIQUE         -- SHA-256 of the record's canonical content, hex
);
CREATE INDEX dismissal_assessment_post ON dismissal_assessment (post_id, recorded_at);
CREATE INDEX dismissal_assessment_ods ON dismissal_assessment (ods_code, recorded_at);
CREATE INDEX dismissal_assessment_region ON dismissal_assessment (region, recorded_at);
CREATE INDEX dismissal_assessment_recorded ON dismissal_assessment (recorded_at);

CREATE FUNCTION dismissal_assessment_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'dismissal_assessment is append-only: % refused', TG_OP
        USING ERRCODE = 'raise_exception',
              HINT = 'assessments are immutable records; record a new assessment instead';
END;
$$;

CREATE TRIGGER dismissal_assessment_append_only
    BEFORE UPDATE OR DELETE ON dismissal_assessment
    FOR EACH ROW EXECUTE FUNCTION dismissal_assessment_refuse_change();

CREATE TRIGGER dismissal_assessment_no_truncate
    BEFORE TRUNCATE ON dismissal_assessment
    FOR EACH STATEMENT EXECUTE FUNCTION dismissal_assessment_refuse_change();
