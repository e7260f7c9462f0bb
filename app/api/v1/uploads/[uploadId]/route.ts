// Resumable uploads (tus 1.0): HEAD asks how far an upload got, PATCH sends the next
// bytes, DELETE abandons it. See lib/http/upload-endpoint.ts.
import { handleUpload, UPLOAD_ACCESS, UPLOAD_ROUTE_OPTIONS } from "@/lib/http/upload-endpoint";
import { sessionRoute } from "@/lib/http/session-route";

export const dynamic = "force-dynamic";

const handle = sessionRoute<{ uploadId: string }>(UPLOAD_ACCESS, handleUpload, UPLOAD_ROUTE_OPTIONS);

export const HEAD = handle;
export const PATCH = handle;
export const DELETE = handle;
