-- Departures recorded on posts (vacancy-service), whether or not the person who left is in the pipeline.
-- Appended as they arrive, like history; written whole by a rebuild.
CREATE TABLE post_departure (
    post_id         UUID        NOT NULL,
    ods_code        VARCHAR(5)  NOT NULL,
    role            VARCHAR(40) NOT NULL,
    departure_date  DATE        NOT NULL,
    reason          VARCHAR(20) NOT NULL,
    candidate_id    UUID
);
CREATE INDEX post_departure_role_date ON post_departure (role, departure_date);
CREATE INDEX post_departure_candidate ON post_departure (candidate_id);

-- Every leadership exit, counted once: the career exits candidate-service records, and the departures
-- recorded on posts that are not the same exit. A departure and a career exit are the same exit when
-- they are of the same person (the departure's leaver is a pipeline candidate), from the same
-- organisation and role, dated within 31 days of each other (the two services are kept by different
-- people, who may date the same exit differently). An interim's planned end is not an exit.
CREATE VIEW leadership_exit AS
    SELECT e.candidate_id, e.ods_code, e.role, e.exit_date, e.reason, e.seq
    FROM candidate_exit e
    UNION ALL
    SELECT d.candidate_id, d.ods_code, d.role, d.departure_date, d.reason, 0
    FROM post_departure d
    WHERE d.reason <> 'END_OF_INTERIM'
      AND NOT EXISTS (SELECT 1 FROM candidate_exit e
                      WHERE e.candidate_id = d.candidate_id AND e.ods_code = d.ods_code AND e.role = d.role
                        AND abs(e.exit_date - d.departure_date) <= 31);
