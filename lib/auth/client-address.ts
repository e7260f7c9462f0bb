// Which address a request comes from, decided once where the socket is still visible
// (scripts/portal-server.ts) and handed to the app in CLIENT_ADDRESS_HEADER. Forwarding
// headers are only believed when they were added by a proxy the deployment names in
// TRUSTED_PROXIES: without it, the client is the socket's peer and X-Forwarded-* are
// dropped, so neither the sign-in throttle nor the Origin check can be talked round.
import net from "node:net";

/** Set by the portal's server on every request; whatever a client sent under this name is replaced. */
export const CLIENT_ADDRESS_HEADER = "x-spbe-client-address";

const FORWARDING_HEADERS = ["x-forwarded-for", "x-forwarded-host", "x-forwarded-proto", "x-forwarded-port", "x-real-ip", "forwarded"];

export type TrustedProxies = { kind: "none" } | { kind: "hops"; hops: number } | { kind: "addresses"; list: net.BlockList };

/** Strips "::ffff:" from IPv4 addresses seen on an IPv6 socket. */
export function normalizeAddress(address: string): string {
  const trimmed = address.trim();
  return /^::ffff:\d+\.\d+\.\d+\.\d+$/i.test(trimmed) ? trimmed.slice(7) : trimmed;
}

/**
 * TRUSTED_PROXIES: empty (no proxy), a hop count ("1": one proxy in front, whatever its
 * address), or a comma-separated list of addresses and CIDR ranges ("10.0.0.5, 10.1.0.0/16").
 */
export function parseTrustedProxies(value: string | undefined): TrustedProxies {
  const text = value?.trim() ?? "";
  if (text === "" || text === "0") return { kind: "none" };
  if (/^\d+$/.test(text)) return { kind: "hops", hops: Number(text) };
  const list = new net.BlockList();
  for (const entry of text.split(",").map((part) => part.trim()).filter(Boolean)) {
    const [address, prefix] = entry.split("/");
    const family = net.isIP(address ?? "");
    if (!address || family === 0 || (prefix !== undefined && !/^\d+$/.test(prefix))) {
      throw new Error(`TRUSTED_PROXIES: "${entry}" is neither an address, a CIDR range nor a hop count`);
    }
    const type = family === 4 ? "ipv4" : "ipv6";
    if (prefix === undefined) list.addAddress(address, type);
    else list.addSubnet(address, Number(prefix), type);
  }
  return { kind: "addresses", list };
}

function isTrusted(trusted: TrustedProxies, address: string, hop: number): boolean {
  if (trusted.kind === "none") return false;
  if (trusted.kind === "hops") return hop < trusted.hops;
  const family = net.isIP(address);
  return family !== 0 && trusted.list.check(address, family === 4 ? "ipv4" : "ipv6");
}

/**
 * Walks from the socket's peer leftwards through X-Forwarded-For while the hop is a trusted
 * proxy; the first untrusted hop is the client. `peerIsTrusted` says whether the forwarding
 * headers came from a trusted proxy at all.
 */
export function resolveClientAddress(peer: string, forwardedFor: string | undefined, trusted: TrustedProxies): { clientAddress: string; peerIsTrusted: boolean } {
  const chain = [...(forwardedFor ?? "").split(",").map(normalizeAddress).filter(Boolean), normalizeAddress(peer)];
  const peerIsTrusted = isTrusted(trusted, chain.at(-1)!, 0);
  let index = chain.length - 1;
  while (index > 0 && isTrusted(trusted, chain[index]!, chain.length - 1 - index)) index--;
  return { clientAddress: chain[index]!, peerIsTrusted };
}

type IncomingHeaders = Record<string, string | string[] | undefined>;

/** Rewrites a Node request's headers in place: the client address set, untrusted forwarding headers gone. */
export function applyClientAddress(headers: IncomingHeaders, peer: string | undefined, trusted: TrustedProxies): void {
  const forwardedFor = [headers["x-forwarded-for"]].flat().filter(Boolean).join(",");
  const { clientAddress, peerIsTrusted } = resolveClientAddress(peer ?? "unknown", forwardedFor || undefined, trusted);
  if (!peerIsTrusted) for (const name of FORWARDING_HEADERS) delete headers[name];
  headers[CLIENT_ADDRESS_HEADER] = clientAddress;
}
