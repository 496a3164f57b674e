import { timestamp } from "drizzle-orm/pg-core";

/** A timestamp with time zone, read as a Date: every schema file's time column. */
export const ts = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });
