// Who is asking and from where, read from the request headers once per request.
import { randomUUID } from "node:crypto";
import type { RequestContext } from "@/lib/audit";
import { CLIENT_ADDRESS_HEADER } from "./client-address";

/**
 * The address the portal's server decided to trust (scripts/portal-server.ts), never a
 * client's own X-Forwarded-For. "unknown" when the app runs without that server.
 */
export function clientIp(headers: Headers): string {
  return headers.get(CLIENT_ADDRESS_HEADER) || "unknown";
}

/** A caller's X-Request-Id is kept only when it looks like an id: short, and nothing but id characters. */
const REQUEST_ID = /^[A-Za-z0-9._:-]{1,100}$/;

export function requestIdFrom(headers: Headers): string {
  const given = headers.get("x-request-id");
  return given && REQUEST_ID.test(given) ? given : randomUUID();
}

export function requestContextFrom(headers: Headers, actorId: string | null): RequestContext & { ip: string } {
  return {
    actorId,
    ip: clientIp(headers),
    userAgent: headers.get("user-agent"),
    requestId: requestIdFrom(headers),
  };
}
