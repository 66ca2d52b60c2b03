-- Member figures per org subtree (org_member_rollups), kept current inside the writing transaction.
-- Statement-level triggers with transition tables: a COPY or multi-row insert of a million members
-- adds one aggregated delta per (ancestor, dimension, bucket), not a million row updates.
-- A restore sets unionhub.restoring = 'on' because it loads the rollups table itself.

CREATE FUNCTION member_rollup_facts(status text, gender text, birth_date date, categories text[], joined_on date)
RETURNS TABLE (dim text, bucket text) LANGUAGE sql IMMUTABLE AS $$
  SELECT 'status', status
  UNION ALL SELECT 'gender', gender WHERE status = 'active'
  UNION ALL SELECT 'birth_year', to_char(birth_date, 'YYYY') WHERE status = 'active'
  UNION ALL SELECT 'category', c FROM unnest(categories) AS c WHERE status = 'active'
  UNION ALL SELECT 'joined', to_char(joined_on, 'YYYY-MM')
$$;
--> statement-breakpoint
CREATE FUNCTION member_rollups_apply(deltas jsonb) RETURNS void LANGUAGE sql AS $$
  INSERT INTO org_member_rollups (org_id, dim, bucket, n)
  SELECT a.id, f.dim, f.bucket, sum(d.sign)
  FROM jsonb_to_recordset(deltas) AS d(org_id bigint, status text, gender text, birth_date date, categories text[], joined_on date, sign int)
  JOIN orgs o ON o.id = d.org_id
  CROSS JOIN LATERAL unnest(string_to_array(o.path::text, '.')::bigint[]) AS a(id)
  CROSS JOIN LATERAL member_rollup_facts(d.status, d.gender, d.birth_date, d.categories, d.joined_on) AS f
  GROUP BY a.id, f.dim, f.bucket
  HAVING sum(d.sign) <> 0
  -- One lock order for every writer, so concurrent transactions queue instead of deadlocking.
  ORDER BY a.id, f.dim, f.bucket
  ON CONFLICT (org_id, dim, bucket) DO UPDATE SET n = org_member_rollups.n + excluded.n
$$;
--> statement-breakpoint
CREATE FUNCTION members_rollup_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  deltas jsonb;
BEGIN
  IF current_setting('unionhub.restoring', true) = 'on' THEN
    RETURN NULL;
  END IF;
  IF TG_OP = 'INSERT' THEN
    SELECT jsonb_agg(jsonb_build_object('org_id', org_id, 'status', status, 'gender', gender, 'birth_date', birth_date,
      'categories', categories, 'joined_on', joined_on, 'sign', 1)) INTO deltas FROM new_rows;
  ELSIF TG_OP = 'DELETE' THEN
    SELECT jsonb_agg(jsonb_build_object('org_id', org_id, 'status', status, 'gender', gender, 'birth_date', birth_date,
      'categories', categories, 'joined_on', joined_on, 'sign', -1)) INTO deltas FROM old_rows;
  ELSE
    SELECT jsonb_agg(x) INTO deltas FROM (
      SELECT jsonb_build_object('org_id', org_id, 'status', status, 'gender', gender, 'birth_date', birth_date,
        'categories', categories, 'joined_on', joined_on, 'sign', 1) AS x FROM new_rows
      UNION ALL
      SELECT jsonb_build_object('org_id', org_id, 'status', status, 'gender', gender, 'birth_date', birth_date,
        'categories', categories, 'joined_on', joined_on, 'sign', -1) FROM old_rows
    ) AS changed;
  END IF;
  IF deltas IS NOT NULL THEN
    PERFORM member_rollups_apply(deltas);
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER members_rollup_insert AFTER INSERT ON members REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION members_rollup_trigger();
--> statement-breakpoint
CREATE TRIGGER members_rollup_update AFTER UPDATE ON members REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION members_rollup_trigger();
--> statement-breakpoint
CREATE TRIGGER members_rollup_delete AFTER DELETE ON members REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION members_rollup_trigger();
--> statement-breakpoint
-- Leaving (left, deceased) is counted by month in the org the member left from.
CREATE FUNCTION member_leaves_rollup_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('unionhub.restoring', true) = 'on' THEN
    RETURN NULL;
  END IF;
  INSERT INTO org_member_rollups (org_id, dim, bucket, n)
  SELECT a.id, 'left', to_char(h.at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM'), count(*)
  FROM new_rows h
  JOIN orgs o ON o.id = h.org_id
  CROSS JOIN LATERAL unnest(string_to_array(o.path::text, '.')::bigint[]) AS a(id)
  WHERE h.to_status IN ('left', 'deceased')
  GROUP BY 1, 2, 3
  ORDER BY 1, 2, 3
  ON CONFLICT (org_id, dim, bucket) DO UPDATE SET n = org_member_rollups.n + excluded.n;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER member_status_history_rollup AFTER INSERT ON member_status_history REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION member_leaves_rollup_trigger();
--> statement-breakpoint
-- Moving an org re-parents its subtree: its figures leave the old ancestors and join the new ones.
CREATE FUNCTION orgs_move_rollup_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('unionhub.restoring', true) = 'on' THEN
    RETURN NULL;
  END IF;
  INSERT INTO org_member_rollups (org_id, dim, bucket, n)
  SELECT a.id, r.dim, r.bucket, sum(r.n * a.sign)
  FROM org_member_rollups r
  CROSS JOIN LATERAL (
    SELECT x::bigint AS id, -1 AS sign FROM unnest(string_to_array(subpath(OLD.path, 0, nlevel(OLD.path) - 1)::text, '.')) AS x
    UNION ALL
    SELECT x::bigint, 1 FROM unnest(string_to_array(subpath(NEW.path, 0, nlevel(NEW.path) - 1)::text, '.')) AS x
  ) AS a
  WHERE r.org_id = NEW.id AND nlevel(NEW.path) > 1
  GROUP BY a.id, r.dim, r.bucket
  HAVING sum(r.n * a.sign) <> 0
  ORDER BY 1, 2, 3
  ON CONFLICT (org_id, dim, bucket) DO UPDATE SET n = org_member_rollups.n + excluded.n;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER orgs_move_rollup AFTER UPDATE OF parent_id ON orgs
  FOR EACH ROW WHEN (OLD.parent_id IS DISTINCT FROM NEW.parent_id) EXECUTE FUNCTION orgs_move_rollup_trigger();
