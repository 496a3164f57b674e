/** A real Azurite blob service on loopback for tests: a random port, a temp folder, stopped afterwards. */
import { spawn } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";

/** Azurite's development account and its published key (not a secret). */
export const AZURITE_ACCOUNT = "devstoreaccount1";
export const AZURITE_KEY =
  "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

export type Azurite = {
  accountUrl: string;
  connectionString: string;
  stop(): Promise<void>;
};

const BIN = path.resolve(import.meta.dirname, "../node_modules/.bin/azurite-blob");
const LISTENING = /successfully listens on (http:\/\/[^\s]+)/;

/** Any HTTP answer (Azurite says 400 to a bare GET) means it is serving. */
function answers(url: string): Promise<boolean> {
  return new Promise((resolve) => {
    const req = http.get(url, { agent: false, timeout: 1_000 }, (res) => {
      res.resume();
      resolve(true);
    });
    req.on("timeout", () => req.destroy());
    req.on("error", () => resolve(false));
  });
}

/** Azurite takes several seconds to load on a busy machine; vitest's hook timeout is 60 s. */
const START_TIMEOUT_MS = 50_000;

export async function startAzurite(options: { startTimeoutMs?: number } = {}): Promise<Azurite> {
  const startTimeoutMs = options.startTimeoutMs ?? START_TIMEOUT_MS;
  const location = fs.mkdtempSync(path.join(os.tmpdir(), "standfast-azurite-"));
  const child = spawn(
    BIN,
    [
      "--blobHost",
      "127.0.0.1",
      "--blobPort",
      "0",
      "--location",
      location,
      "--skipApiVersionCheck",
      "--loose",
      "--silent",
    ],
    { stdio: ["ignore", "pipe", "pipe"] },
  );
  // Never outlive the test process, whatever happens to it.
  const killOnExit = () => child.kill("SIGKILL");
  process.once("exit", killOnExit);
  let output = "";
  const exited = new Promise<number | null>((resolve) =>
    child.once("exit", (code) => resolve(code)),
  );
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill("SIGTERM");
      const killer = setTimeout(() => child.kill("SIGKILL"), 5_000);
      await exited;
      clearTimeout(killer);
    }
    process.removeListener("exit", killOnExit);
    fs.rmSync(location, { recursive: true, force: true });
  };
  try {
    const base = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`Azurite did not start within ${startTimeoutMs} ms`)),
        startTimeoutMs,
      );
      const onData = (chunk: Buffer) => {
        output += chunk.toString();
        const match = LISTENING.exec(output);
        if (match) {
          clearTimeout(timer);
          resolve(match[1]!);
        }
      };
      child.stdout!.on("data", onData);
      child.stderr!.on("data", onData);
      child.once("error", (error) => {
        clearTimeout(timer);
        reject(error);
      });
      void exited.then((code) => {
        clearTimeout(timer);
        reject(new Error(`Azurite exited with code ${code} before listening:\n${output}`));
      });
    });
    const accountUrl = `${base.replace(/\/$/, "")}/${AZURITE_ACCOUNT}`;
    const deadline = Date.now() + startTimeoutMs;
    while (!(await answers(accountUrl))) {
      if (child.exitCode !== null || Date.now() > deadline)
        throw new Error(`Azurite is not answering at ${accountUrl}:\n${output}`);
      await new Promise((r) => setTimeout(r, 50));
    }
    return {
      accountUrl,
      connectionString:
        `DefaultEndpointsProtocol=http;AccountName=${AZURITE_ACCOUNT};AccountKey=${AZURITE_KEY};` +
        `BlobEndpoint=${accountUrl};`,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
