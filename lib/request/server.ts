/** The custom server's entry to requests: node:http forwarding, action bodies, Next's router state. */
export {
  ACTION_BODY_LIMIT,
  checkActionBody,
  mayBeServerAction,
  type ActionProblem,
  type KnownActions,
} from "./action-body";
export { withoutBoundFormState } from "./action-form-state";
export { setForwardedOrigin } from "./forwarded";
export { routerStateProblem } from "./router-state";
