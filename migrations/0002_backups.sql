CREATE TABLE "backup_schedules" (
	"service_id" text PRIMARY KEY NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"frequency_ms" bigint NOT NULL,
	"retention_ms" bigint NOT NULL,
	"keep_at_least_one" boolean DEFAULT true NOT NULL,
	"store_id" text NOT NULL,
	"region" text NOT NULL,
	"after_change" boolean DEFAULT false NOT NULL,
	"next_due_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "backups" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"service_id" text NOT NULL,
	"store_id" text NOT NULL,
	"region" text NOT NULL,
	"trigger" text NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"checksum" text DEFAULT 'unverified' NOT NULL,
	"requested_at" timestamp with time zone DEFAULT now() NOT NULL,
	"requested_by" text NOT NULL,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"heartbeat_at" timestamp with time zone,
	"worker_id" text,
	"progress" double precision,
	"size_bytes" integer,
	"sha256" text,
	"location" text,
	"manifest" jsonb,
	"error" text,
	"log" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"schedule_slot" timestamp with time zone,
	"operation_id" integer,
	"pruned_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "management_operations" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"service_id" text NOT NULL,
	"kind" text NOT NULL,
	"summary" text NOT NULL,
	"detail" jsonb,
	"actor_kind" text NOT NULL,
	"actor_id" text NOT NULL,
	"actor_name" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"source" text DEFAULT 'standfast' NOT NULL,
	"external_id" text,
	"config_version" integer,
	CONSTRAINT "management_operations_external_id_unique" UNIQUE("external_id")
);
--> statement-breakpoint
CREATE TABLE "service_configurations" (
	"service_id" text PRIMARY KEY NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"configuration" jsonb NOT NULL,
	"size_bytes" integer NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "backup_schedules" ADD CONSTRAINT "backup_schedules_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_configurations" ADD CONSTRAINT "service_configurations_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "backups_service_requested_idx" ON "backups" USING btree ("service_id","requested_at");--> statement-breakpoint
CREATE INDEX "backups_status_idx" ON "backups" USING btree ("status");--> statement-breakpoint
CREATE UNIQUE INDEX "backups_store_region_name_idx" ON "backups" USING btree ("store_id","region","name");--> statement-breakpoint
CREATE UNIQUE INDEX "backups_schedule_slot_idx" ON "backups" USING btree ("service_id","schedule_slot");--> statement-breakpoint
CREATE INDEX "management_operations_service_at_idx" ON "management_operations" USING btree ("service_id","at");