ALTER TABLE "component_status" ADD COLUMN "written_xid" "xid8" DEFAULT pg_current_xact_id() NOT NULL;--> statement-breakpoint
CREATE INDEX "component_status_written_xid_idx" ON "component_status" USING btree ("written_xid");--> statement-breakpoint
-- Every writer stamps its transaction, whatever it writes: the board reads only rows stamped at
-- or after the oldest transaction that was still running at its previous read.
CREATE FUNCTION standfast_stamp_written_xid() RETURNS trigger AS $$
BEGIN
  NEW.written_xid := pg_current_xact_id();
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER component_status_written_xid
  BEFORE INSERT OR UPDATE ON component_status
  FOR EACH ROW EXECUTE FUNCTION standfast_stamp_written_xid();
