// Who is asking and from where, read from the request headers once per request.
import { randomUUID } from "node:crypto";
import type { RequestContext } from "@/lib/audit";

export function clientIp(headers: Headers): string {
  // The portal runs behind one trusted reverse proxy (or none); Next.js itself fills in
  // x-forwarded-for with the peer address when no proxy did.
  const forwarded = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded || headers.get("x-real-ip") || "unknown";
}

export function requestContextFrom(headers: Headers, actorId: string | null): RequestContext & { ip: string } {
  return {
    actorId,
    ip: clientIp(headers),
    userAgent: headers.get("user-agent"),
    requestId: headers.get("x-request-id") ?? randomUUID(),
  };
}
