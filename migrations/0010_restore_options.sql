ALTER TABLE "restores" ADD COLUMN "storage_replication" text;--> statement-breakpoint
ALTER TABLE "restores" ADD COLUMN "backup_schedule" jsonb;