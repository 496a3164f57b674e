CREATE TABLE "api_tokens" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"token_hash" text NOT NULL,
	"role" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "api_tokens_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_kind" text NOT NULL,
	"actor_id" text NOT NULL,
	"action" text NOT NULL,
	"target" text,
	"input" jsonb,
	"outcome" text NOT NULL,
	"detail" text
);
--> statement-breakpoint
CREATE TABLE "component_status" (
	"component_id" text PRIMARY KEY NOT NULL,
	"status" text NOT NULL,
	"reason" text,
	"since" timestamp with time zone NOT NULL,
	"checked_at" timestamp with time zone,
	"latency_ms" double precision,
	"detail" jsonb,
	"attempt_at" timestamp with time zone,
	"attempt_error" text
);
--> statement-breakpoint
CREATE TABLE "components" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"region" text NOT NULL,
	"source" jsonb NOT NULL,
	"interval_ms" integer NOT NULL,
	"timeout_ms" integer NOT NULL,
	"stale_after_ms" integer NOT NULL,
	"attributes" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"retired_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "health_daily" (
	"component_id" text NOT NULL,
	"bucket" timestamp with time zone NOT NULL,
	"samples" integer NOT NULL,
	"up" integer NOT NULL,
	"degraded" integer NOT NULL,
	"down" integer NOT NULL,
	"unknown" integer NOT NULL,
	"latency_sum" double precision NOT NULL,
	"latency_count" integer NOT NULL,
	"latency_max" double precision,
	"worst" text NOT NULL,
	CONSTRAINT "health_daily_component_id_bucket_pk" PRIMARY KEY("component_id","bucket")
);
--> statement-breakpoint
CREATE TABLE "estate_meta" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"origin" text NOT NULL,
	"source" text NOT NULL,
	"hash" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"loaded_at" timestamp with time zone NOT NULL,
	"demo" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "health_hourly" (
	"component_id" text NOT NULL,
	"bucket" timestamp with time zone NOT NULL,
	"samples" integer NOT NULL,
	"up" integer NOT NULL,
	"degraded" integer NOT NULL,
	"down" integer NOT NULL,
	"unknown" integer NOT NULL,
	"latency_sum" double precision NOT NULL,
	"latency_count" integer NOT NULL,
	"latency_max" double precision,
	"worst" text NOT NULL,
	CONSTRAINT "health_hourly_component_id_bucket_pk" PRIMARY KEY("component_id","bucket")
);
--> statement-breakpoint
CREATE TABLE "leases" (
	"name" text PRIMARY KEY NOT NULL,
	"holder" text NOT NULL,
	"acquired_at" timestamp with time zone NOT NULL,
	"heartbeat_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"beat_every_ms" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "regions" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"retired_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "health_samples" (
	"component_id" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"status" text NOT NULL,
	"latency_ms" double precision,
	"reason" text,
	CONSTRAINT "health_samples_component_id_at_pk" PRIMARY KEY("component_id","at")
);
--> statement-breakpoint
CREATE TABLE "service_components" (
	"service_id" text NOT NULL,
	"component_id" text NOT NULL,
	"role" text NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "service_components_service_id_component_id_pk" PRIMARY KEY("service_id","component_id")
);
--> statement-breakpoint
CREATE TABLE "services" (
	"id" text PRIMARY KEY NOT NULL,
	"edition" text NOT NULL,
	"units" integer NOT NULL,
	"region" text NOT NULL,
	"state" text DEFAULT 'active' NOT NULL,
	"state_reason" text,
	"state_changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"origin" text DEFAULT 'estate' NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"retired_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "simulated_faults" (
	"component_id" text PRIMARY KEY NOT NULL,
	"mode" text NOT NULL,
	"status" text,
	"instances_down" integer,
	"reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"until" timestamp with time zone,
	"created_by" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "status_changes" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"component_id" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"reason" text
);
--> statement-breakpoint
ALTER TABLE "component_status" ADD CONSTRAINT "component_status_component_id_components_id_fk" FOREIGN KEY ("component_id") REFERENCES "public"."components"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_components" ADD CONSTRAINT "service_components_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_components" ADD CONSTRAINT "service_components_component_id_components_id_fk" FOREIGN KEY ("component_id") REFERENCES "public"."components"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "simulated_faults" ADD CONSTRAINT "simulated_faults_component_id_components_id_fk" FOREIGN KEY ("component_id") REFERENCES "public"."components"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_log_at_idx" ON "audit_log" USING btree ("at");--> statement-breakpoint
CREATE INDEX "audit_log_action_idx" ON "audit_log" USING btree ("action");--> statement-breakpoint
CREATE INDEX "health_daily_bucket_idx" ON "health_daily" USING btree ("bucket");--> statement-breakpoint
CREATE INDEX "health_hourly_bucket_idx" ON "health_hourly" USING btree ("bucket");--> statement-breakpoint
CREATE INDEX "health_samples_at_idx" ON "health_samples" USING btree ("at");--> statement-breakpoint
CREATE INDEX "service_components_component_idx" ON "service_components" USING btree ("component_id");--> statement-breakpoint
CREATE INDEX "status_changes_component_at_idx" ON "status_changes" USING btree ("component_id","at");--> statement-breakpoint
CREATE INDEX "status_changes_at_idx" ON "status_changes" USING btree ("at");