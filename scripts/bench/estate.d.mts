// Types for the estate generator, so tests can build large estates with it.
export function makeEstate(options: { services: number; regions: number; seed?: number }): {
  regions: { id: string; name: string }[];
  defaults: { interval: string };
  services: Record<string, unknown>[];
};
export function estateYaml(options: { components: number; regions: number; seed?: number }): string;
