import "server-only";

export {
  EstateConfigError,
  loadDemoEstate,
  loadEstateFile,
  parseEstate,
  type LoadedEstate,
} from "./load";
export { readEstate, readEstateVersion } from "./read";
export * from "./types";
export { defaultMetricRules } from "./azure-metric-defaults";

import { getSettings } from "../settings";
import { loadDemoEstate, loadEstateFile, type LoadedEstate } from "./load";

/** The estate the settings choose: the file at STANDFAST_ESTATE, or the built-in demo. */
export function loadConfiguredEstate(settings = getSettings()): LoadedEstate {
  const defaults = {
    intervalMs: settings.STANDFAST_DEFAULT_INTERVAL,
    timeoutMs: settings.STANDFAST_DEFAULT_TIMEOUT,
  };
  return settings.STANDFAST_ESTATE
    ? loadEstateFile(settings.STANDFAST_ESTATE, defaults)
    : loadDemoEstate(defaults);
}
