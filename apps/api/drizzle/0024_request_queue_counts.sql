CREATE TABLE "service_request_counts" (
	"org_id" bigint NOT NULL,
	"state" text NOT NULL,
	"slot" smallint NOT NULL,
	"n" bigint NOT NULL,
	CONSTRAINT "service_request_counts_pkey" PRIMARY KEY("org_id","state","slot")
);
--> statement-breakpoint
CREATE INDEX "service_requests_org_state_due_idx" ON "service_requests" USING btree ("org_id","state","due_at","id");