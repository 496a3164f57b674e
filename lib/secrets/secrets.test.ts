import { describe, expect, it } from "vitest";
import { demoConfiguration } from "../control-plane/demo-config";
import {
  maskConfiguration,
  REDACTED,
  redactSecrets,
  redactText,
  SECRET_FIELDS,
  secretValues,
} from "./index";

const config = demoConfiguration({
  id: "fabrikam-b2b",
  edition: "standard",
  units: 1,
  region: "westeurope",
});

describe("the secrets of a configuration", () => {
  it("are named for every secret field: keys, passwords, PFX blobs", () => {
    const found = secretValues(config);
    const whats = new Set(found.map((f) => f.what));
    for (const field of SECRET_FIELDS) expect(whats).toContain(field.what);
    const values = found.map((f) => f.value);
    expect(values).toContain(config.settings.acsKey);
    expect(values).toContain(config.sslCertificate.password);
    expect(values).toContain(config.sslCertificate.pfxBase64);
    for (const c of config.certificates) expect(values).toContain(c.pfxBase64);
    // Connection strings: the secret part only, never the server or account name.
    expect(values).toContain(config.settings.trackingDatabase.split("Password=")[1]);
    expect(values).toContain(config.settings.monitoringStorage.split("AccountKey=")[1]);
    expect(values.some((v) => v.includes("AccountName"))).toBe(false);
  });

  it("are all masked by maskConfiguration, which keeps everything else", () => {
    const masked = maskConfiguration(config);
    const text = JSON.stringify(masked);
    for (const { what, value } of secretValues(config))
      expect(text.includes(value), `${what} is masked`).toBe(false);
    expect(masked.sslCertificate.password).toBe(REDACTED);
    expect(masked.sslCertificate.thumbprint).toBe(config.sslCertificate.thumbprint);
    expect(masked.settings.trackingDatabase).toBe(
      config.settings.trackingDatabase.replace(/Password=.*$/, `Password=${REDACTED}`),
    );
    expect(masked.settings.monitoringStorage).toBe(
      `DefaultEndpointsProtocol=https;AccountName=fabrikamb2bstore;AccountKey=${REDACTED}`,
    );
    expect(masked.agreements).toEqual(config.agreements);
    expect(masked.assemblies).toEqual(config.assemblies);
    // The original is untouched.
    expect(config.sslCertificate.password).not.toBe(REDACTED);
  });
});

describe("redactText", () => {
  it.each([
    ["Server=tcp:x,1433;User ID=bts;Password=hunter2;Encrypt=true", "hunter2"],
    ["AccountName=a;AccountKey=abc+/DEF==;EndpointSuffix=core.windows.net", "abc+/DEF=="],
    ["Endpoint=sb://x/;SharedAccessKeyName=root;SharedAccessKey=k3y/val=", "k3y/val="],
    ["BlobEndpoint=https://a/;SharedAccessSignature=sv=2024&ss=b&sig=s1gn%2Fed", "s1gn%2Fed"],
    ["https://a.blob.core.windows.net/c/b?sv=2024-01-01&sig=AbC%3D&se=x", "AbC%3D"],
    ["error: connect postgres://standfast:s3cret@127.0.0.1:5432/db failed", "s3cret"],
    ['{"name":"ssl","password":"p@ss\\"word","thumbprint":"AB"}', 'p@ss\\"word'],
    ['config {"acsKey": "q83vEjRWeJA="} rejected', "q83vEjRWeJA="],
    [
      "key:\n-----BEGIN RSA PRIVATE KEY-----\nMIIEow\nIBAAKC\n-----END RSA PRIVATE KEY-----\n",
      "MIIEow",
    ],
    ["password = letmein ; other", "letmein"],
  ])("masks the secret in %j", (text, secret) => {
    const out = redactText(text);
    expect(out).not.toContain(secret);
    expect(out).toContain(REDACTED);
  });

  it("keeps text without secrets as it is", () => {
    for (const text of [
      "SSL certificate CN=fabrikam-b2b.biztalk.windows.net replaced; expires 2027-12-26",
      "Server=tcp:fabrikam-b2b-tracking.database.windows.net,1433;Database=tracking",
      "https://fabrikam-b2b.biztalk.windows.net/default/bridge1",
      "archive fabrikam-b2b-20261124T080000Z verified: size, checksum and manifest match",
    ])
      expect(redactText(text)).toBe(text);
  });
});

describe("redactSecrets", () => {
  it("masks secret keys at any depth and secrets inside other strings, keeping the rest", () => {
    const input = {
      kind: "update-ssl-certificate",
      passwordChanged: true,
      certificate: { password: "pw", pfxBase64: "MIIK", thumbprint: "AB12" },
      notes: ["from Server=x;Password=pw2", 3],
      at: new Date("2026-11-24T00:00:00Z"),
    };
    expect(redactSecrets(input)).toEqual({
      kind: "update-ssl-certificate",
      passwordChanged: true,
      certificate: { password: REDACTED, pfxBase64: REDACTED, thumbprint: "AB12" },
      notes: [`from Server=x;Password=${REDACTED}`, 3],
      at: new Date("2026-11-24T00:00:00Z"),
    });
    expect(input.certificate.password).toBe("pw");
  });

  it("masks a whole secret object, such as a list of keys", () => {
    expect(redactSecrets({ secret: ["a", { b: "c" }] })).toEqual({
      secret: [REDACTED, { b: REDACTED }],
    });
  });
});
