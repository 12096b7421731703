-- Who held each post, when, and why they left. The current incumbent is the row with no end date.
CREATE TABLE incumbency (
    id            UUID        PRIMARY KEY,
    post_id       UUID        NOT NULL REFERENCES post (post_id),
    candidate_id  UUID,
    person_name   VARCHAR(200),
    since         DATE        NOT NULL,
    until         DATE,
    interim       BOOLEAN     NOT NULL,
    reason_left   VARCHAR(20),
    CONSTRAINT incumbency_names_someone CHECK (candidate_id IS NOT NULL OR person_name IS NOT NULL)
);
CREATE INDEX incumbency_post ON incumbency (post_id, since);
CREATE UNIQUE INDEX incumbency_one_current ON incumbency (post_id) WHERE until IS NULL;

ALTER TABLE post ADD COLUMN last_departure_date DATE;
ALTER TABLE post ADD COLUMN last_departure_reason VARCHAR(20);

CREATE TABLE vacancy (
    vacancy_id              UUID        PRIMARY KEY,
    post_id                 UUID        NOT NULL REFERENCES post (post_id),
    status                  VARCHAR(20) NOT NULL,
    closing_date            DATE,
    first_advertised_on     DATE,
    readverts               INTEGER     NOT NULL,
    appointed_candidate_id  UUID,
    appointment_interim     BOOLEAN,
    filled_on               DATE,
    closed_on               DATE,
    close_reason            VARCHAR(500),
    version                 BIGINT      NOT NULL,
    created_at              TIMESTAMPTZ NOT NULL,
    updated_at              TIMESTAMPTZ NOT NULL
);
CREATE INDEX vacancy_post ON vacancy (post_id);
-- At most one vacancy in play per post.
CREATE UNIQUE INDEX vacancy_one_active_per_post ON vacancy (post_id)
    WHERE status IN ('DRAFT', 'OPEN', 'SHORTLISTING', 'INTERVIEWING', 'OFFERED');

CREATE TABLE application (
    application_id     UUID         PRIMARY KEY,
    vacancy_id         UUID         NOT NULL REFERENCES vacancy (vacancy_id),
    candidate_id       UUID         NOT NULL,
    applied_on         DATE         NOT NULL,
    withdrawn_on       DATE,
    withdrawal_reason  VARCHAR(500),
    shortlisted        BOOLEAN      NOT NULL,
    created_at         TIMESTAMPTZ  NOT NULL,
    CONSTRAINT application_once_per_candidate UNIQUE (vacancy_id, candidate_id)
);
