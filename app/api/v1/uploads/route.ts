// Resumable uploads (tus 1.0): POST creates an upload. See lib/http/upload-endpoint.ts.
import { handleUpload, UPLOAD_ACCESS, UPLOAD_ROUTE_OPTIONS } from "@/lib/http/upload-endpoint";
import { sessionRoute } from "@/lib/http/session-route";

export const dynamic = "force-dynamic";

export const POST = sessionRoute(UPLOAD_ACCESS, handleUpload, UPLOAD_ROUTE_OPTIONS);
