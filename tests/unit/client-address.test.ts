import { describe, expect, it } from "vitest";
import { applyClientAddress, CLIENT_ADDRESS_HEADER, parseTrustedProxies, resolveClientAddress } from "@/lib/auth/client-address";
import { requestIdFrom } from "@/lib/auth/request-context";

describe("resolveClientAddress", () => {
  it("ignores X-Forwarded-For when no proxy is trusted: the socket's peer is the client", () => {
    expect(resolveClientAddress("198.51.100.7", "10.9.9.9, 1.2.3.4", parseTrustedProxies(undefined))).toEqual({ clientAddress: "198.51.100.7", peerIsTrusted: false });
  });

  it("with a hop count, takes the address the last trusted proxy saw, not the client's leftmost claim", () => {
    const trusted = parseTrustedProxies("1");
    expect(resolveClientAddress("10.0.0.5", "6.6.6.6, 203.0.113.9", trusted)).toEqual({ clientAddress: "203.0.113.9", peerIsTrusted: true });
    expect(resolveClientAddress("10.0.0.5", "6.6.6.6, 203.0.113.9, 10.0.0.4", parseTrustedProxies("2")).clientAddress).toBe("203.0.113.9");
  });

  it("with addresses and ranges, walks left only through the listed proxies", () => {
    const trusted = parseTrustedProxies("10.0.0.5, 172.16.0.0/12");
    expect(resolveClientAddress("10.0.0.5", "6.6.6.6, 203.0.113.9, 172.20.1.1", trusted).clientAddress).toBe("203.0.113.9");
    // A peer that is not a listed proxy is the client, whatever it forwards.
    expect(resolveClientAddress("198.51.100.7", "6.6.6.6", trusted)).toEqual({ clientAddress: "198.51.100.7", peerIsTrusted: false });
    expect(resolveClientAddress("::ffff:10.0.0.5", "203.0.113.9", trusted).clientAddress).toBe("203.0.113.9");
  });

  it("refuses a TRUSTED_PROXIES entry that is no address", () => {
    expect(() => parseTrustedProxies("proxy.internal")).toThrow(/TRUSTED_PROXIES/);
  });
});

describe("applyClientAddress", () => {
  it("drops forwarding headers and a forged client-address header from an untrusted peer", () => {
    const headers: Record<string, string | string[] | undefined> = {
      host: "portal.go.id",
      "x-forwarded-for": "10.9.9.9",
      "x-forwarded-host": "evil.test",
      "x-forwarded-proto": "https",
      [CLIENT_ADDRESS_HEADER]: "1.1.1.1",
    };
    applyClientAddress(headers, "198.51.100.7", parseTrustedProxies(""));
    expect(headers).toEqual({ host: "portal.go.id", [CLIENT_ADDRESS_HEADER]: "198.51.100.7" });
  });

  it("keeps the forwarding headers of a trusted proxy", () => {
    const headers: Record<string, string | string[] | undefined> = { "x-forwarded-for": "203.0.113.9", "x-forwarded-host": "portal.go.id" };
    applyClientAddress(headers, "10.0.0.5", parseTrustedProxies("10.0.0.5"));
    expect(headers).toMatchObject({ "x-forwarded-host": "portal.go.id", [CLIENT_ADDRESS_HEADER]: "203.0.113.9" });
  });
});

describe("requestIdFrom", () => {
  it("keeps a plain id and replaces a long or odd one with a fresh UUID", () => {
    expect(requestIdFrom(new Headers({ "x-request-id": "abc-123" }))).toBe("abc-123");
    for (const bad of ["a".repeat(101), "id with spaces", "<script>", "id;drop"]) {
      expect(requestIdFrom(new Headers({ "x-request-id": bad }))).toMatch(/^[0-9a-f-]{36}$/);
    }
  });
});
