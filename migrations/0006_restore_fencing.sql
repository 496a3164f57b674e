ALTER TABLE "restores" ADD COLUMN "worker_lost_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "services" ADD COLUMN "restore_id" text;