-- Integrated care boards and regional teams are organisations too; their type names are longer.
ALTER TABLE organisation ALTER COLUMN organisation_type TYPE VARCHAR(40);
