-- The leadership pipeline. Personal data lives only in the candidate table's nullable columns
-- (name, email, phone, current_job_title, current_ods_code, notes): erasure sets them to NULL and
-- deletes every other row about the person; the candidate_id stays so that counts and history
-- elsewhere remain consistent.
CREATE TABLE candidate (
    candidate_id          UUID         PRIMARY KEY,
    status                VARCHAR(20)  NOT NULL CHECK (status IN ('ACTIVE', 'WITHDRAWN', 'ERASED')),
    name                  VARCHAR(200),
    email                 VARCHAR(254),
    phone                 VARCHAR(30),
    current_job_title     VARCHAR(200),
    current_ods_code      VARCHAR(5),
    notes                 VARCHAR(4000),
    considers_challenged  BOOLEAN      NOT NULL,
    fp_status             VARCHAR(20)  NOT NULL CHECK (fp_status IN ('PASSED', 'PENDING', 'FAILED')),
    fp_checked_on         DATE,
    version               BIGINT       NOT NULL,
    created_at            TIMESTAMPTZ  NOT NULL,
    updated_at            TIMESTAMPTZ  NOT NULL,
    erased_at             TIMESTAMPTZ,
    -- An erased candidate keeps nothing personal; a registered one has at least a name and an email.
    CONSTRAINT candidate_personal_data CHECK (
        (status = 'ERASED' AND name IS NULL AND email IS NULL AND phone IS NULL AND current_job_title IS NULL
             AND current_ods_code IS NULL AND notes IS NULL)
        OR (status <> 'ERASED' AND name IS NOT NULL AND email IS NOT NULL))
);
-- One registration per e-mail address (erased rows have none).
CREATE UNIQUE INDEX candidate_email_unique ON candidate (lower(email)) WHERE email IS NOT NULL;
CREATE INDEX candidate_listing ON candidate (created_at, candidate_id);

-- Mobility: the regions and organisation types a candidate would work in.
CREATE TABLE candidate_region (
    candidate_id UUID        NOT NULL REFERENCES candidate (candidate_id),
    region       VARCHAR(40) NOT NULL,
    PRIMARY KEY (candidate_id, region)
);
CREATE INDEX candidate_region_by_region ON candidate_region (region);

CREATE TABLE candidate_organisation_type (
    candidate_id      UUID        NOT NULL REFERENCES candidate (candidate_id),
    organisation_type VARCHAR(20) NOT NULL,
    PRIMARY KEY (candidate_id, organisation_type)
);

-- Every readiness assessment ever recorded; the latest per role is flagged current.
CREATE TABLE readiness_assessment (
    assessment_id UUID         PRIMARY KEY,
    candidate_id  UUID         NOT NULL REFERENCES candidate (candidate_id),
    role          VARCHAR(40)  NOT NULL,
    level         VARCHAR(20)  NOT NULL,
    assessed_on   DATE         NOT NULL,
    assessed_by   VARCHAR(200) NOT NULL,
    recorded_at   TIMESTAMPTZ  NOT NULL,
    current       BOOLEAN      NOT NULL
);
CREATE INDEX readiness_assessment_history ON readiness_assessment (candidate_id, recorded_at);
CREATE UNIQUE INDEX readiness_assessment_one_current ON readiness_assessment (candidate_id, role) WHERE current;
CREATE INDEX readiness_assessment_current_level ON readiness_assessment (role, level) WHERE current;

-- Named successor nominations: at most one per candidate and post.
CREATE TABLE nomination (
    nomination_id UUID        PRIMARY KEY,
    candidate_id  UUID        NOT NULL REFERENCES candidate (candidate_id),
    post_id       UUID        NOT NULL,
    readiness     VARCHAR(20) NOT NULL,
    nominated_on  DATE        NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL,
    CONSTRAINT nomination_one_per_post UNIQUE (candidate_id, post_id)
);

-- Posts the candidate left.
CREATE TABLE career_exit (
    exit_id      UUID        PRIMARY KEY,
    candidate_id UUID        NOT NULL REFERENCES candidate (candidate_id),
    post_id      UUID,
    ods_code     VARCHAR(5)  NOT NULL,
    role         VARCHAR(40) NOT NULL,
    exit_date    DATE        NOT NULL,
    reason       VARCHAR(20) NOT NULL,
    recorded_at  TIMESTAMPTZ NOT NULL,
    CONSTRAINT career_exit_once UNIQUE (candidate_id, ods_code, role, exit_date)
);

-- The posts vacancy-service has announced on vacancy-events (a local copy, to validate nominations).
CREATE TABLE known_post (
    post_id    UUID        PRIMARY KEY,
    ods_code   VARCHAR(5)  NOT NULL,
    role       VARCHAR(40) NOT NULL,
    version    BIGINT      NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);

-- Who read whose personal data, when, through which endpoint. Holds no personal data of candidates.
CREATE TABLE personal_data_read (
    read_id      BIGSERIAL    PRIMARY KEY,
    candidate_id UUID         NOT NULL,
    reader       VARCHAR(200) NOT NULL,
    endpoint     VARCHAR(200) NOT NULL,
    read_at      TIMESTAMPTZ  NOT NULL
);
CREATE INDEX personal_data_read_by_candidate ON personal_data_read (candidate_id, read_id);
