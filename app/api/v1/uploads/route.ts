// Resumable uploads (tus 1.0): POST creates an upload. See lib/evidence/upload-endpoint.ts.
import { getActor } from "@/lib/auth/current";
import { handleUploadRequest } from "@/lib/evidence/upload-endpoint";
import { apiRoute } from "@/lib/http/api-route";

export const dynamic = "force-dynamic";

export const POST = apiRoute(async ({ request, requestId }) => handleUploadRequest(request, await getActor(), requestId));
