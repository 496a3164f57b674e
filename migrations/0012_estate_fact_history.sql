CREATE TABLE "estate_fact_history" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"subject" text NOT NULL,
	"subject_id" text NOT NULL,
	"facts" jsonb NOT NULL,
	"valid_from" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "estate_fact_history_subject_idx" ON "estate_fact_history" USING btree ("subject","subject_id","valid_from");--> statement-breakpoint
-- What is known so far, as recorded now: the report uses a subject's first record for the days
-- before it, and says from when facts are recorded.
INSERT INTO "estate_fact_history" ("subject", "subject_id", "facts")
  SELECT 'component', "id", "attributes" FROM "components";
--> statement-breakpoint
INSERT INTO "estate_fact_history" ("subject", "subject_id", "facts")
  SELECT 'service', "id", jsonb_build_object('units', "units") FROM "services";
--> statement-breakpoint
CREATE FUNCTION standfast_record_component_facts() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'INSERT' OR NEW.attributes IS DISTINCT FROM OLD.attributes THEN
    INSERT INTO estate_fact_history (subject, subject_id, facts)
      VALUES ('component', NEW.id, NEW.attributes);
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER components_fact_history
  AFTER INSERT OR UPDATE ON components
  FOR EACH ROW EXECUTE FUNCTION standfast_record_component_facts();
--> statement-breakpoint
CREATE FUNCTION standfast_record_service_facts() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'INSERT' OR NEW.units IS DISTINCT FROM OLD.units THEN
    INSERT INTO estate_fact_history (subject, subject_id, facts)
      VALUES ('service', NEW.id, jsonb_build_object('units', NEW.units));
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER services_fact_history
  AFTER INSERT OR UPDATE ON services
  FOR EACH ROW EXECUTE FUNCTION standfast_record_service_facts();
