// The OpenAPI 3.1 document of the public API, generated from the same zod schemas the
// handlers parse with. tests/unit/openapi.test.ts keeps it in step with app/api.
import { z } from "zod";
import { ZErrorResponse, ZFrameworkDetail, ZFrameworkList, ZHealth, ZScoreRequest, ZScoreResponse } from "./frameworks";

function schema(zodSchema: z.ZodType, io: "input" | "output" = "output") {
  const { $schema: _ignored, ...jsonSchema } = z.toJSONSchema(zodSchema, { io, unrepresentable: "any" }) as Record<string, unknown>;
  return jsonSchema;
}

const json = (ref: string) => ({ "application/json": { schema: { $ref: `#/components/schemas/${ref}` } } });
const errorResponse = (description: string) => ({ description, content: json("Error") });
const codeParameter = {
  name: "code",
  in: "path",
  required: true,
  description: "Framework code, e.g. spbe-2020 or pemdi-2026.",
  schema: { type: "string" },
};

export function buildOpenApiDocument() {
  return {
    openapi: "3.1.0",
    info: {
      title: "SPBE Mandiri API",
      version: "1.0.0",
      description: "Public, versioned API of SPBE Mandiri: frameworks (kerangka penilaian) and the exact SPBE index calculation.",
    },
    paths: {
      "/api/health": {
        get: {
          summary: "Service and database health",
          responses: {
            "200": { description: "Healthy", content: json("Health") },
            "503": { description: "Database unreachable", content: json("Health") },
          },
        },
      },
      "/api/v1/frameworks": {
        get: {
          summary: "List frameworks (latest version of each)",
          responses: { "200": { description: "Frameworks", content: json("FrameworkList") } },
        },
      },
      "/api/v1/frameworks/{code}": {
        get: {
          summary: "One framework: full tree with weights, level scales, criteria and predicate bands",
          parameters: [codeParameter],
          responses: { "200": { description: "Framework", content: json("FrameworkDetail") }, "404": errorResponse("Unknown framework") },
        },
      },
      "/api/v1/frameworks/{code}/score": {
        post: {
          summary: "Compute the index, predicate and node indices for a set of indicator values",
          parameters: [codeParameter],
          requestBody: { required: true, content: { "application/json": { schema: { $ref: "#/components/schemas/ScoreRequest" } } } },
          responses: {
            "200": { description: "Score", content: json("ScoreResponse") },
            "400": errorResponse("Malformed JSON, unknown indicator, value outside the scale or not an integer"),
            "404": errorResponse("Unknown framework"),
            "413": errorResponse("Body too large"),
            "415": errorResponse("Body is not application/json"),
          },
        },
      },
      "/api/v1/openapi.json": {
        get: { summary: "This document", responses: { "200": { description: "OpenAPI 3.1 document" } } },
      },
    },
    components: {
      schemas: {
        Health: schema(ZHealth),
        FrameworkList: schema(ZFrameworkList),
        FrameworkDetail: schema(ZFrameworkDetail),
        ScoreRequest: schema(ZScoreRequest, "input"),
        ScoreResponse: schema(ZScoreResponse),
        Error: schema(ZErrorResponse),
      },
    },
  };
}
