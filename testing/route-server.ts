/** Serves App Router route handlers from a plain node:http server, for tests that need a real URL. */
import type http from "node:http";
import { startHttpServer, type TestServer } from "./servers";

type RouteHandler = (request: Request) => Promise<Response>;
export type Routes = Record<string, Partial<Record<string, RouteHandler>>>;

async function toRequest(req: http.IncomingMessage): Promise<Request> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers))
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(", ") : value);
  const hasBody = req.method !== "GET" && req.method !== "HEAD" && chunks.length > 0;
  return new Request(`http://${req.headers.host ?? "localhost"}${req.url ?? "/"}`, {
    method: req.method,
    headers,
    body: hasBody ? Buffer.concat(chunks) : undefined,
  });
}

async function send(res: http.ServerResponse, response: Response): Promise<void> {
  const body = Buffer.from(await response.arrayBuffer());
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => (headers[name] = value));
  headers["content-length"] = String(body.length);
  res.writeHead(response.status, headers);
  res.end(body);
}

/**
 * Routes requests by path to the given route handlers (405 for a method a route lacks), and
 * everything else to `fallback` (which returns false when it does not answer: then 404).
 */
export function startRouteServer(
  routes: Routes,
  fallback: (req: http.IncomingMessage, res: http.ServerResponse) => boolean = () => false,
): Promise<TestServer> {
  return startHttpServer((req, res) => {
    const path = (req.url ?? "/").split("?")[0]!;
    const route = routes[path];
    if (!route) {
      if (!fallback(req, res)) {
        res.writeHead(404, { "content-type": "text/plain" });
        res.end("not found");
      }
      return;
    }
    const handler = route[req.method ?? "GET"];
    if (!handler) {
      res.writeHead(405, { allow: Object.keys(route).join(", ") });
      res.end();
      return;
    }
    toRequest(req)
      .then(handler)
      .then((response) => send(res, response))
      .catch((error: Error) => {
        res.writeHead(500, { "content-type": "text/plain" });
        res.end(error.message);
      });
  });
}
