-- Each API process keeps the callers it has resolved from their sessions, so that a request needs no
-- database read to authenticate. The database tells every process (LISTEN unionhub_auth) when what it
-- keeps may be stale: a session revoked, rotated or removed, a staff user changed (roles, disabled,
-- name, org), or org paths changed by a move (every staff scope is read again).
CREATE FUNCTION auth_principal_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_TABLE_NAME = 'sessions' THEN
    PERFORM pg_notify('unionhub_auth', 'session:' || OLD.id);
  ELSIF TG_TABLE_NAME = 'staff_users' THEN
    PERFORM pg_notify('unionhub_auth', 'staff:' || OLD.id);
  ELSE
    PERFORM pg_notify('unionhub_auth', 'all');
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER sessions_principal_changed AFTER UPDATE OR DELETE ON sessions
  FOR EACH ROW EXECUTE FUNCTION auth_principal_changed();
--> statement-breakpoint
CREATE TRIGGER staff_users_principal_changed AFTER UPDATE OR DELETE ON staff_users
  FOR EACH ROW EXECUTE FUNCTION auth_principal_changed();
--> statement-breakpoint
CREATE TRIGGER orgs_paths_changed AFTER UPDATE OF path ON orgs
  FOR EACH STATEMENT EXECUTE FUNCTION auth_principal_changed();
