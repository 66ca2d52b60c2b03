-- Queue totals per (handling union, state) in service_request_counts, kept by the requests' own writes.
-- Row-level constraint triggers deferred to the commit: a transaction that files or moves a request
-- takes the counter row's lock only while it commits. Each union's count of a state is split over
-- eight rows (slot = the request id modulo 8), so members filing at once into one county mostly add
-- to different rows; a total sums at most 56 rows of one union. Each change adds -1 to its old
-- (union, state) and +1 to its new one, in one statement in key order: one lock order for every
-- writer, so concurrent transactions queue instead of deadlocking.
-- A restore sets unionhub.restoring = 'on' because it loads the counts table itself.

CREATE FUNCTION service_request_counts_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('unionhub.restoring', true) = 'on' THEN
    RETURN NULL;
  END IF;
  IF TG_OP = 'INSERT' THEN
    INSERT INTO service_request_counts (org_id, state, slot, n) VALUES (NEW.org_id, NEW.state, NEW.id % 8, 1)
    ON CONFLICT (org_id, state, slot) DO UPDATE SET n = service_request_counts.n + 1;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO service_request_counts (org_id, state, slot, n) VALUES (OLD.org_id, OLD.state, OLD.id % 8, -1)
    ON CONFLICT (org_id, state, slot) DO UPDATE SET n = service_request_counts.n - 1;
  ELSE
    INSERT INTO service_request_counts (org_id, state, slot, n)
    SELECT c.org_id, c.state, c.slot, c.n
    FROM (VALUES (OLD.org_id, OLD.state, OLD.id % 8, -1), (NEW.org_id, NEW.state, NEW.id % 8, 1))
      AS c(org_id, state, slot, n)
    ORDER BY c.org_id, c.state, c.slot
    ON CONFLICT (org_id, state, slot) DO UPDATE SET n = service_request_counts.n + excluded.n;
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER service_request_counts_insert_delete AFTER INSERT OR DELETE ON service_requests
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION service_request_counts_trigger();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER service_request_counts_update AFTER UPDATE OF state, org_id ON service_requests
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
  WHEN (OLD.state IS DISTINCT FROM NEW.state OR OLD.org_id IS DISTINCT FROM NEW.org_id)
  EXECUTE FUNCTION service_request_counts_trigger();
--> statement-breakpoint
INSERT INTO service_request_counts (org_id, state, slot, n)
SELECT org_id, state, id % 8, count(*) FROM service_requests GROUP BY org_id, state, id % 8;
