/** Durations: parsing "30s"/"5m" settings and writing ages and durations for people. */
export * from "./duration";
