-- One writer applies events to the view at a time (docs/succession-view.md, "One writer, standbys"). It
-- holds a PostgreSQL session advisory lock on a connection of its own and writes every change-set on
-- that connection; on taking the role it moves the generation on and names itself here, so that the
-- other instances can say who the writer is. Each change-set checks the generation it was written under.
CREATE TABLE view_writer (
    id          INTEGER      PRIMARY KEY CHECK (id = 1),
    generation  BIGINT       NOT NULL,
    instance    VARCHAR(200),
    url         VARCHAR(400),
    since       TIMESTAMPTZ
);
INSERT INTO view_writer (id, generation) VALUES (1, 0);

-- Where the view stands in each topic-partition: the next offset to apply. Committed in the same
-- transaction as the view's rows, so a restart resumes exactly where the stored view stands.
CREATE TABLE view_offset (
    topic             VARCHAR(200) NOT NULL,
    record_partition  INTEGER      NOT NULL,
    next_offset       BIGINT       NOT NULL,
    PRIMARY KEY (topic, record_partition)
);
-- A view kept before resumes where it stood: each partition was applied in order.
INSERT INTO view_offset (topic, record_partition, next_offset)
    SELECT topic, record_partition, max(record_offset) + 1 FROM applied_event GROUP BY topic, record_partition;
-- Applied event ids are no longer kept: the stored offsets and the versions of the aggregates make
-- redeliveries harmless.
DROP INDEX applied_event_position;
TRUNCATE applied_event;

-- The latest day the view has reached (time has been let pass up to it); moves with the version.
ALTER TABLE view_version ADD COLUMN day DATE;

-- Per post: how many history rows it has (an alert's sequence number), and the view's version when its
-- row last changed (every instance's live stream reads the posts changed since the version it last saw).
ALTER TABLE post_succession ADD COLUMN history_count BIGINT NOT NULL DEFAULT 0;
ALTER TABLE post_succession ADD COLUMN changed_version BIGINT NOT NULL DEFAULT 0;
UPDATE post_succession p SET history_count = (SELECT count(*) FROM post_succession_history h WHERE h.post_id = p.post_id);
CREATE INDEX post_succession_changed ON post_succession (changed_version);
