// Resumable uploads (tus 1.0): HEAD asks how far an upload got, PATCH sends the next
// bytes, DELETE abandons it. See lib/evidence/upload-endpoint.ts.
import { getActor } from "@/lib/auth/current";
import { handleUploadRequest } from "@/lib/evidence/upload-endpoint";
import { apiRoute } from "@/lib/http/api-route";

export const dynamic = "force-dynamic";

const handle = apiRoute<{ uploadId: string }>(async ({ request, requestId }) => handleUploadRequest(request, await getActor(), requestId));

export const HEAD = handle;
export const PATCH = handle;
export const DELETE = handle;
