-- Every instance keeps live answers (a post, a page of the list) per version of the view and needs to
-- know when the version moves without asking the database on every read: each move is announced on
-- the channel view_version with the new version as payload. PostgreSQL delivers it when the moving
-- transaction commits, to every connection listening, in commit order.
CREATE FUNCTION view_version_announce() RETURNS trigger AS $$
BEGIN
    PERFORM pg_notify('view_version', NEW.version::text);
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER view_version_moved AFTER UPDATE ON view_version
    FOR EACH ROW EXECUTE FUNCTION view_version_announce();
