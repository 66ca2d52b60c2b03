CREATE TABLE "org_member_rollups" (
	"org_id" bigint NOT NULL,
	"dim" text NOT NULL,
	"bucket" text NOT NULL,
	"n" bigint NOT NULL,
	CONSTRAINT "org_member_rollups_pkey" PRIMARY KEY("org_id","dim","bucket")
);
