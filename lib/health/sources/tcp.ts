import net from "node:net";
import type { z } from "zod";
import type { TcpSource } from "../../estate/source-spec-types";
import { errorText, withLatencyRule, type Reading } from "../../status/reading-types";
import type { Source } from "../source-types";

type Spec = z.output<typeof TcpSource>;

/** Whether a TCP connection opens, and how fast. */
export const tcpSource: Source<Spec> = {
  read(spec, _component, ctx): Promise<Reading> {
    const timedOut: Reading = {
      status: "major_outage",
      latencyMs: null,
      reason: `no connection within ${ctx.timeoutMs} ms`,
    };
    // An aborted signal fires no further abort event: without this the read would wait for the connect.
    if (ctx.signal.aborted) return Promise.resolve(timedOut);
    return new Promise((resolve) => {
      const started = performance.now();
      const socket = net.connect({ host: spec.host, port: spec.port });
      const finish = (reading: Reading) => {
        ctx.signal.removeEventListener("abort", onAbort);
        socket.destroy();
        resolve(reading);
      };
      const onAbort = () => finish(timedOut);
      ctx.signal.addEventListener("abort", onAbort, { once: true });
      socket.once("connect", () =>
        finish(
          withLatencyRule(
            { status: "operational", latencyMs: performance.now() - started, reason: null },
            spec.degradedAfter,
          ),
        ),
      );
      socket.once("error", (error) =>
        finish({
          status: "major_outage",
          latencyMs: performance.now() - started,
          reason: `connect to ${spec.host}:${spec.port} failed: ${errorText(error)}`,
        }),
      );
    });
  },
};
