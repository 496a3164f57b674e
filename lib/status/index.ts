// The status vocabulary and the reading port: the words every domain uses for a component's
// state, and what a health source answers. A base module: it imports no domain.
export * from "./vocabulary";
export * from "./reading-types";
