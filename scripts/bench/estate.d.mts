/** Types for the generated estates (scripts/bench/estate.mjs), for the tests and specs that build one. */
export function makeEstate(options: { services: number; regions: number; seed?: number }): {
  regions: { id: string; name: string }[];
  defaults: { interval: string };
  services: { name: string; region: string; state?: string; [field: string]: unknown }[];
};
export function estateYaml(options: { components: number; regions: number; seed?: number }): string;
