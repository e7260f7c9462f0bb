import { apiRoute } from "@/lib/http/api-route";
import { buildOpenApiDocument } from "@/lib/validation/openapi";

export const GET = apiRoute(async () => buildOpenApiDocument());
