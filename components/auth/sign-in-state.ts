/** What a sign-in form action answers when it does not move on: the error, and the address typed. */
export type SignInState = {
  ok: false;
  error: string;
  fieldErrors?: Record<string, string[]>;
  email?: string;
} | null;
