-- A candidate may be willing to work at an integrated care board or a regional team; their type names are longer.
ALTER TABLE candidate_organisation_type ALTER COLUMN organisation_type TYPE VARCHAR(40);
