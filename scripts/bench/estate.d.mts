/** Types for the generated estates (scripts/bench/estate.mjs), for the specs that start one. */
export function makeEstate(options: { services: number; regions: number; seed?: number }): {
  regions: { id: string; name: string }[];
  defaults: { interval: string };
  services: { name: string; region: string; state?: string }[];
};
export function estateYaml(options: { components: number; regions: number; seed?: number }): string;
