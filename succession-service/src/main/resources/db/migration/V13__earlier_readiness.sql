-- The readiness assessments a later one for the same role has replaced, as candidate events carry them
-- (version 3): what the effective history counts on the days before the later one.
CREATE TABLE candidate_earlier_readiness (
    candidate_id  UUID        NOT NULL REFERENCES candidate_view (candidate_id) ON DELETE CASCADE,
    seq           INTEGER     NOT NULL,
    role          VARCHAR(40) NOT NULL,
    level         VARCHAR(20) NOT NULL,
    assessed_on   DATE        NOT NULL,
    PRIMARY KEY (candidate_id, seq)
);
CREATE INDEX candidate_earlier_readiness_role ON candidate_earlier_readiness (role, level);
