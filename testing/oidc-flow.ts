import { handleAuthRequest, type StandfastAuth } from "../lib/auth";
import { browserPost, cookieHeader, TEST_BASE_URL } from "./auth";

/** A tiny cookie jar: what a browser keeps for one site. */
class Jar {
  private cookies = new Map<string, string>();
  take(response: Response) {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const eq = pair!.indexOf("=");
      const name = pair!.slice(0, eq).trim();
      const value = pair!.slice(eq + 1).trim();
      if (/max-age=0|expires=thu, 01 jan 1970/i.test(line) || value === "")
        this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
  header() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }
}

/**
 * Signs in through the whole OIDC flow as a browser would, over real HTTP to the provider:
 * Standfast's sign-in -> the provider's authorize endpoint -> its login form (as `login`) ->
 * back to Standfast's callback. Returns the callback's response (a redirect, with the session
 * cookie when the sign-in succeeded).
 */
export async function signInWithOidc(auth: StandfastAuth, login: string): Promise<Response> {
  const start = await handleAuthRequest(
    browserPost("/api/auth/sign-in/social", {
      provider: "oidc",
      callbackURL: "/",
      errorCallbackURL: "/sign-in",
    }),
    auth,
  );
  if (start.status !== 200)
    throw new Error(`sign-in/social: ${start.status} ${await start.text()}`);
  const appCookies = cookieHeader(start);
  let url = ((await start.json()) as { url: string }).url;
  const provider = new Jar();
  for (let hop = 0; hop < 10; hop++) {
    if (url.startsWith(TEST_BASE_URL)) {
      return handleAuthRequest(
        new Request(url, { headers: { cookie: appCookies, "x-forwarded-for": "192.0.2.10" } }),
        auth,
      );
    }
    let response = await fetch(url, { redirect: "manual", headers: { cookie: provider.header() } });
    provider.take(response);
    if (response.status === 200) {
      // The provider's login form: any password will do.
      const html = await response.text();
      const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
      if (!action) throw new Error(`no login form at ${url}: ${html.slice(0, 300)}`);
      response = await fetch(new URL(action.replace(/&amp;/g, "&"), url), {
        method: "POST",
        redirect: "manual",
        headers: {
          cookie: provider.header(),
          "content-type": "application/x-www-form-urlencoded",
        },
        body: new URLSearchParams({ prompt: "login", login, password: "any" }),
      });
      provider.take(response);
    }
    const location = response.headers.get("location");
    if (!location) throw new Error(`${url} answered ${response.status} without a redirect`);
    url = new URL(location, url).toString();
  }
  throw new Error("too many redirects");
}
