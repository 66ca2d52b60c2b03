ALTER TABLE "import_rows" DROP CONSTRAINT "import_rows_job_id_import_jobs_id_fk";
--> statement-breakpoint
DROP INDEX "import_rows_job_idx";--> statement-breakpoint
CREATE INDEX "import_rows_job_row_idx" ON "import_rows" USING btree ("job_id","row_no");