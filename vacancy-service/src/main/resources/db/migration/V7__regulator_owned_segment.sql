-- The oversight segment is the regulator's judgement: a trust may be registered without one, and
-- each setting records the day it took effect, who set it and when.
ALTER TABLE organisation ALTER COLUMN oversight_segment DROP NOT NULL;
ALTER TABLE organisation ADD COLUMN oversight_segment_since DATE;
ALTER TABLE organisation ADD COLUMN oversight_segment_set_by VARCHAR(200);
ALTER TABLE organisation ADD COLUMN oversight_segment_set_at TIMESTAMPTZ;
