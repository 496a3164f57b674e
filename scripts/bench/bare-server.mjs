// The baseline: bare node:http serving fixed bytes, the same bytes and headers the app served.
//   node scripts/bench/bare-server.mjs <port> <routes.json>
// routes.json: { "/path": { "body": "file", "gzip": "file or null", "headers": { ... } } }
import fs from "node:fs";
import http from "node:http";

const [port, routesFile] = process.argv.slice(2);
const routes = new Map(
  Object.entries(JSON.parse(fs.readFileSync(routesFile, "utf8"))).map(([path, r]) => [
    path,
    {
      body: fs.readFileSync(r.body),
      gzip: r.gzip ? fs.readFileSync(r.gzip) : null,
      headers: r.headers ?? {},
    },
  ]),
);

const server = http.createServer((req, res) => {
  const q = req.url.indexOf("?");
  const route = routes.get(q === -1 ? req.url : req.url.slice(0, q));
  if (!route) {
    res.writeHead(404, { "content-length": 0 });
    return res.end();
  }
  // Negotiated the way the app does it: gzip when the client accepts it.
  const gzip = route.gzip && /\bgzip\b/.test(req.headers["accept-encoding"] ?? "");
  const body = gzip ? route.gzip : route.body;
  const headers = { ...route.headers, "content-length": String(body.length) };
  if (gzip) headers["content-encoding"] = "gzip";
  res.writeHead(200, headers);
  res.end(body);
});
server.keepAliveTimeout = 65_000;
server.listen(Number(port), "127.0.0.1", () => console.log(`bare server on ${port}`));
process.on("SIGTERM", () => process.exit(0));
