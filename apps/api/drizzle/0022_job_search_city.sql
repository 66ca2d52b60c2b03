DROP INDEX "jobs_search_bigrams_gin";--> statement-breakpoint
DROP INDEX "jobs_open_region_idx";--> statement-breakpoint
ALTER TABLE "jobs" ADD COLUMN "city_code" char(4) GENERATED ALWAYS AS (substr(region_code, 1, 4)) STORED;--> statement-breakpoint
CREATE INDEX "jobs_search_keys_gin" ON "jobs" USING gin (job_search_keys("search_bigrams", "city_code")) WHERE status = 'published';--> statement-breakpoint
CREATE INDEX "jobs_open_city_idx" ON "jobs" USING btree ("city_code","published_at","id") WHERE status = 'published';