-- Integrated care boards and regional teams are organisations too; their type names are longer. (Widening a
-- VARCHAR rewrites no row, so the append-only assessment records are left as they are.)
ALTER TABLE organisation_view ALTER COLUMN organisation_type TYPE VARCHAR(40);
ALTER TABLE dismissal_assessment ALTER COLUMN organisation_type TYPE VARCHAR(40);
