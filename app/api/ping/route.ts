import { apiRoute } from "@/lib/http/api-route";

export const dynamic = "force-dynamic";

// Liveness: the process answers requests. Unlike /api/health it asks neither the database
// nor the storage, so an orchestrator can tell a stuck process from an outage behind it.
// It skips the proxy like the rest of the JSON API; `?proxy=1` sends it through the proxy
// (see the matcher in proxy.ts), so the difference is what the proxy costs one request
// (`npm run bench:load` measures both).
export const GET = apiRoute(async () => ({ status: "ok" }));
