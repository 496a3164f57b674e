import type { EstateComponent } from "../estate/types";
import type { ReadContext, Reading } from "../status/reading-types";
import type { SourceSpec } from "../estate/source-spec-types";

/** A health source adapter. One per `type` of source spec. */
export interface Source<S extends SourceSpec = SourceSpec> {
  read(spec: S, component: EstateComponent, ctx: ReadContext): Promise<Reading>;
}
