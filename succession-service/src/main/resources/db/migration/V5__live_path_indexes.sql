-- The live consumers ask for each touched post's newest history row (the numbers it last showed):
-- without this index PostgreSQL reads all of a post's history to find it, and history only grows.
CREATE INDEX post_succession_history_post_id ON post_succession_history (post_id, id);
