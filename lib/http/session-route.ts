// apiRoute for route handlers behind sign-in: each declares who may call it, and the
// pipeline settles that before the handler runs, the same way for every download, export
// and upload. The handler gets the actor and their instansi.
//
// - Without a session: a download or export the browser opens from a page ("sign-in") is
//   sent to the sign-in page and back (307 to /masuk?kembali=…), like a page; a call made
//   by a script or another system ("unauthorized") gets the 401 JSON error.
// - On a temporary password: 403 until it is replaced (only the password change works).
// - The policy action is checked within the actor's own instansi (lib/policy.ts); the
//   handler checks the record (its unit, its period) against the same policy.
// - Requests that change something refuse another site's Origin.
import { AppError } from "@/lib/errors";
import { msg, type Message } from "@/lib/i18n/message";
import { assertCanInOwnInstansi, type Action, type Actor } from "@/lib/policy";
import { apiRoute, type ApiRequest, type ApiRouteOptions } from "./api-route";

export type RouteAccess = {
  /** What a caller without a session gets: the sign-in page (browser downloads) or 401 JSON (API). */
  anonymous: "sign-in" | "unauthorized";
  action: Action;
  /** The 403 message for a role that may not (default: the plain refusal). */
  refusal?: Message;
  /** Checks the Origin header: for handlers that change something with the session cookie. */
  sameOrigin?: boolean;
};

export type SessionRequest<Params> = ApiRequest<Params> & { actor: Actor; instansiId: string };

/** Who is asking: the session's actor (tests hand one in). */
export type ActorSource = (request: Request) => Promise<Actor | null>;

type SessionRouteOptions = ApiRouteOptions & { actorOf?: ActorSource };

// Loaded on first use: a process that hands the actor in (the crash test's upload server)
// never loads next-auth.
const sessionActor: ActorSource = async () => (await import("@/lib/auth/current")).getActor();

function sameOrigin(request: Request): boolean {
  const origin = request.headers.get("origin");
  if (!origin) return true;
  // The portal's server drops X-Forwarded-Host unless a trusted proxy set it (lib/auth/client-address.ts).
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

function signInRedirect(request: Request): Response {
  const url = new URL(request.url);
  return new Response(null, { status: 307, headers: { location: `/masuk?kembali=${encodeURIComponent(url.pathname + url.search)}`, "cache-control": "no-store" } });
}

/** Settles the access rules for `actor`: the actor's instansi, or the answer for a caller without a session. */
export function admit(request: Request, actor: Actor | null, access: RouteAccess): { actor: Actor; instansiId: string } | Response {
  if (access.sameOrigin && !sameOrigin(request)) throw new AppError("forbidden");
  if (!actor) {
    if (access.anonymous === "sign-in") return signInRedirect(request);
    throw new AppError("unauthorized");
  }
  if (actor.mustChangePassword) throw new AppError("forbidden", { message: msg("account.mustChangeFirst") });
  try {
    return { actor, instansiId: assertCanInOwnInstansi(actor, access.action) };
  } catch (error) {
    throw access.refusal && error instanceof AppError && error.code === "forbidden" ? new AppError("forbidden", { message: access.refusal }) : error;
  }
}

export function sessionRoute<Params = Record<string, never>>(
  access: RouteAccess,
  handler: (api: SessionRequest<Params>) => Promise<Response | unknown>,
  { actorOf = sessionActor, ...options }: SessionRouteOptions = {},
) {
  return apiRoute<Params>(async (api) => {
    const admitted = admit(api.request, await actorOf(api.request), access);
    if (admitted instanceof Response) return admitted;
    return handler({ ...api, ...admitted });
  }, options);
}
