import { localFabric } from "./local-fabric";
import type { ControlPlane, ControlPlaneKind } from "./types";

/** The one place an adapter is chosen. The local fabric is the only kind today, and the default. */
export function createControlPlane(kind: ControlPlaneKind = "local-fabric"): ControlPlane {
  switch (kind) {
    case "local-fabric":
      return localFabric;
  }
}

const KEY = Symbol.for("standfast.controlPlane");
type Global = typeof globalThis & { [KEY]?: ControlPlane };

/** Start-up installs the control plane this process uses (Next's bundles share it via globalThis). */
export function installControlPlane(controlPlane: ControlPlane): void {
  (globalThis as Global)[KEY] = controlPlane;
}

/** The installed control plane; the local fabric when nothing was installed (it needs no setup). */
export function getControlPlane(): ControlPlane {
  return ((globalThis as Global)[KEY] ??= createControlPlane());
}
