-- A trust may be registered before the regulator sets its oversight segment.
ALTER TABLE organisation_view ALTER COLUMN oversight_segment DROP NOT NULL;
