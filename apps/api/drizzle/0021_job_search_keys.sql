-- The keys the job search index holds for one job: its own keys (two-character windows of the
-- title, enterprise name and description, and the area keys #p/#c/#d) and, for each
-- two-character window, the same window scoped to the job's city ('4101:焊工'). A keyword searched
-- within a city then reads one short posting list per window — the jobs of that city holding it —
-- instead of intersecting the window's jobs across the province with every job of the city.
-- Computed by the index from the stored keys, so the row itself stays as narrow as before.
CREATE FUNCTION job_search_keys(keys text[], city bpchar) RETURNS text[]
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT keys || array(SELECT city || ':' || k FROM unnest(keys) AS k WHERE k NOT LIKE '#%') $$;
