CREATE TABLE "drill_sandboxes" (
	"name" text PRIMARY KEY NOT NULL,
	"drill_id" text NOT NULL,
	"service_id" text NOT NULL,
	"configuration" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "drill_schedules" (
	"service_id" text PRIMARY KEY NOT NULL,
	"every_days" integer NOT NULL,
	"next_due_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "drills" (
	"id" text PRIMARY KEY NOT NULL,
	"service_id" text NOT NULL,
	"backup_id" text NOT NULL,
	"backup_name" text NOT NULL,
	"trigger" text DEFAULT 'operator' NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"requested_by" text NOT NULL,
	"requested_at" timestamp with time zone DEFAULT now() NOT NULL,
	"started_at" timestamp with time zone,
	"ready_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"rto_ms" bigint,
	"reason" text,
	"sandbox" text NOT NULL,
	"expected_hash" text,
	"restored_hash" text,
	"worker_id" text,
	"heartbeat_at" timestamp with time zone,
	"attempts" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "drill_schedules" ADD CONSTRAINT "drill_schedules_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "drills_service_idx" ON "drills" USING btree ("service_id","requested_at");--> statement-breakpoint
CREATE UNIQUE INDEX "drills_one_in_flight_idx" ON "drills" USING btree ("service_id") WHERE status in ('queued', 'running');