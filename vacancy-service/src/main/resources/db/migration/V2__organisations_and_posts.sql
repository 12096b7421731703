CREATE TABLE organisation (
    ods_code           VARCHAR(5)   PRIMARY KEY,
    name               VARCHAR(200) NOT NULL,
    region             VARCHAR(40)  NOT NULL,
    organisation_type  VARCHAR(20)  NOT NULL,
    foundation_trust   BOOLEAN      NOT NULL,
    icb_code           VARCHAR(5),
    oversight_segment  INTEGER      NOT NULL CHECK (oversight_segment BETWEEN 1 AND 5),
    version            BIGINT       NOT NULL,
    created_at         TIMESTAMPTZ  NOT NULL,
    updated_at         TIMESTAMPTZ  NOT NULL
);
CREATE INDEX organisation_region ON organisation (region);

CREATE TABLE post (
    post_id     UUID        PRIMARY KEY,
    ods_code    VARCHAR(5)  NOT NULL REFERENCES organisation (ods_code),
    role        VARCHAR(40) NOT NULL,
    version     BIGINT      NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL,
    CONSTRAINT post_one_per_role UNIQUE (ods_code, role)
);
