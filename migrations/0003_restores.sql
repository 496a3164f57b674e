CREATE TABLE "restores" (
	"id" text PRIMARY KEY NOT NULL,
	"idempotency_key" text NOT NULL,
	"backup_id" text NOT NULL,
	"target" text NOT NULL,
	"region" text NOT NULL,
	"edition" text NOT NULL,
	"tracking_database" text NOT NULL,
	"storage" text NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"step" text DEFAULT 'verify' NOT NULL,
	"progress" double precision DEFAULT 0 NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"requested_by" text NOT NULL,
	"requested_at" timestamp with time zone DEFAULT now() NOT NULL,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"heartbeat_at" timestamp with time zone,
	"worker_id" text,
	"error" text,
	"log" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"checklist" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"resumed_at" timestamp with time zone,
	"resumed_by" text,
	CONSTRAINT "restores_idempotency_key_unique" UNIQUE("idempotency_key")
);
--> statement-breakpoint
CREATE INDEX "restores_requested_idx" ON "restores" USING btree ("requested_at");--> statement-breakpoint
CREATE UNIQUE INDEX "restores_one_in_flight_idx" ON "restores" USING btree ("target") WHERE status in ('queued', 'running');