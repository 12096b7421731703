-- Candidates as the latest candidate event described them: ids, statuses, dates, regions only.
CREATE TABLE candidate_view (
    candidate_id           UUID        PRIMARY KEY,
    status                 VARCHAR(20) NOT NULL,
    fit_status             VARCHAR(20) NOT NULL,
    fit_checked_on         DATE,
    regions                TEXT        NOT NULL,   -- comma-separated Region names
    organisation_types     TEXT        NOT NULL,   -- comma-separated OrganisationType names
    considers_challenged   BOOLEAN     NOT NULL,
    version                BIGINT      NOT NULL,
    updated_at             TIMESTAMPTZ NOT NULL
);

CREATE TABLE candidate_readiness (
    candidate_id  UUID        NOT NULL REFERENCES candidate_view (candidate_id) ON DELETE CASCADE,
    role          VARCHAR(40) NOT NULL,
    level         VARCHAR(20) NOT NULL,
    assessed_on   DATE        NOT NULL,
    PRIMARY KEY (candidate_id, role)
);
CREATE INDEX candidate_readiness_role ON candidate_readiness (role, level);

CREATE TABLE candidate_nomination (
    candidate_id  UUID        NOT NULL REFERENCES candidate_view (candidate_id) ON DELETE CASCADE,
    post_id       UUID        NOT NULL,
    readiness     VARCHAR(20) NOT NULL,
    nominated_on  DATE        NOT NULL,
    PRIMARY KEY (candidate_id, post_id)
);
CREATE INDEX candidate_nomination_post ON candidate_nomination (post_id);

CREATE TABLE candidate_exit (
    candidate_id  UUID        NOT NULL REFERENCES candidate_view (candidate_id) ON DELETE CASCADE,
    seq           INTEGER     NOT NULL,
    post_id       UUID,
    ods_code      VARCHAR(5)  NOT NULL,
    role          VARCHAR(40) NOT NULL,
    exit_date     DATE        NOT NULL,
    reason        VARCHAR(20) NOT NULL,
    PRIMARY KEY (candidate_id, seq)
);

-- Who counts for which post, and until when (the earliest date a readiness assessment goes stale
-- or a fit-and-proper check lapses). A post's numbers are counts over its rows.
CREATE TABLE post_candidate (
    post_id       UUID        NOT NULL,
    candidate_id  UUID        NOT NULL,
    level         VARCHAR(10) NOT NULL,   -- NOW or SOON
    named_now     BOOLEAN     NOT NULL,
    pool_now      BOOLEAN     NOT NULL,
    expires_on    DATE        NOT NULL,
    PRIMARY KEY (post_id, candidate_id)
);
CREATE INDEX post_candidate_candidate ON post_candidate (candidate_id);
CREATE INDEX post_candidate_expires ON post_candidate (expires_on);

-- Vacancies as the latest vacancy event described them.
CREATE TABLE vacancy_view (
    vacancy_id            UUID        PRIMARY KEY,
    post_id               UUID        NOT NULL,
    status                VARCHAR(20) NOT NULL,
    live_applications     INTEGER     NOT NULL,
    shortlist_size        INTEGER     NOT NULL,
    readverts             INTEGER     NOT NULL,
    first_advertised_on   DATE,
    filled_on             DATE,
    closed_on             DATE,
    appointed_candidate_id UUID,
    version               BIGINT      NOT NULL,
    created_at            TIMESTAMPTZ NOT NULL,
    updated_at            TIMESTAMPTZ NOT NULL
);
CREATE INDEX vacancy_view_post ON vacancy_view (post_id, created_at);

ALTER TABLE post_succession ADD COLUMN incumbent_candidate_id UUID;
ALTER TABLE post_succession ADD COLUMN incumbent_since DATE;
ALTER TABLE post_succession ADD COLUMN incumbent_interim BOOLEAN;
ALTER TABLE post_succession ADD COLUMN last_departure_date DATE;
ALTER TABLE post_succession ADD COLUMN last_departure_reason VARCHAR(20);
ALTER TABLE post_succession ADD COLUMN applicants INTEGER;
ALTER TABLE post_succession ADD COLUMN shortlisted INTEGER;
ALTER TABLE post_succession ADD COLUMN last_shortlist_size INTEGER;
ALTER TABLE post_succession ADD COLUMN open_vacancy_id UUID;
ALTER TABLE post_succession ADD COLUMN latest_vacancy_id UUID;

-- Every change of a post's numbers, with the instant it took effect and what caused it.
CREATE TABLE post_succession_history (
    id                 BIGSERIAL    PRIMARY KEY,
    post_id            UUID         NOT NULL,
    effective_at       TIMESTAMPTZ  NOT NULL,
    cause              VARCHAR(200) NOT NULL,   -- an event type, or assessment-expired
    event_id           UUID,
    event_topic        VARCHAR(200),
    event_partition    INTEGER,
    event_offset       BIGINT,
    ready_now          INTEGER      NOT NULL,
    ready_soon         INTEGER      NOT NULL,
    named_ready_now    INTEGER      NOT NULL,
    pool_ready_now     INTEGER      NOT NULL,
    replaceability     VARCHAR(10)  NOT NULL,
    applicants         INTEGER,
    shortlisted        INTEGER,
    last_shortlist_size INTEGER,
    incumbent_candidate_id UUID
);
CREATE INDEX post_succession_history_post ON post_succession_history (post_id, effective_at, id);
