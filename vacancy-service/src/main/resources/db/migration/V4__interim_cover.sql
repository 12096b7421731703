-- Someone named to cover a post as interim if its leader had to go at once (DESIGN.md: a dismissal is
-- credible when enough successors are ready now or an interim cover is named). The name stays here.
ALTER TABLE post ADD COLUMN interim_cover_candidate_id UUID;
ALTER TABLE post ADD COLUMN interim_cover_name VARCHAR(200);
ALTER TABLE post ADD COLUMN interim_cover_named_on DATE;
