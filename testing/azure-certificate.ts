import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

/**
 * A self-signed certificate for 127.0.0.1 and localhost, made at test time with Debian's openssl,
 * for the https fixture server; the app trusts it through NODE_EXTRA_CA_CERTS=certFile.
 */
export function selfSignedCertificate(
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "standfast-tls-")),
) {
  const certFile = path.join(dir, "cert.pem");
  const keyFile = path.join(dir, "key.pem");
  try {
    execFileSync(
      "openssl",
      [
        "req",
        "-x509",
        "-newkey",
        "ec",
        "-pkeyopt",
        "ec_paramgen_curve:prime256v1",
        "-nodes",
        "-keyout",
        keyFile,
        "-out",
        certFile,
        "-days",
        "2",
        "-subj",
        "/CN=127.0.0.1",
        "-addext",
        "subjectAltName=IP:127.0.0.1,DNS:localhost",
      ],
      { stdio: "pipe" },
    );
  } catch (error) {
    throw new Error(
      `could not make a test certificate with openssl (${(error as Error).message}): install it with apt-get install openssl`,
    );
  }
  return {
    dir,
    certFile,
    keyFile,
    cert: fs.readFileSync(certFile, "utf8"),
    key: fs.readFileSync(keyFile, "utf8"),
  };
}
