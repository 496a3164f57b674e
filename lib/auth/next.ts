// Loaded when used, not at the top of lib/auth: the custom server imports lib/auth before Next
// is ready, and next/headers cannot even be loaded there.
export const nextHeaders = () => import("next/headers");
export const nextNavigation = () => import("next/navigation");
