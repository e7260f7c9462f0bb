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

const tusResumable = { name: "Tus-Resumable", in: "header", required: true, schema: { type: "string", const: "1.0.0" } };
const uploadIdParameter = { name: "uploadId", in: "path", required: true, description: "From the Location header of the creating POST.", schema: { type: "string" } };

export function buildOpenApiDocument() {
  return {
    openapi: "3.1.0",
    info: {
      title: "SPBE Mandiri API",
      version: "1.0.0",
      description:
        "Public, versioned API of SPBE Mandiri: frameworks (kerangka penilaian) and the exact SPBE index calculation; plus the session-authenticated resumable upload endpoint for evidence (bukti dukung).",
    },
    paths: {
      "/api/health": {
        get: {
          summary: "Service, database and evidence storage health",
          responses: {
            "200": { description: "Healthy", content: json("Health") },
            "503": { description: "Database or storage unreachable", content: json("Health") },
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
      "/api/v1/uploads": {
        post: {
          summary: "Create a resumable evidence upload (tus 1.0, signed-in Admin OPD only)",
          description:
            "The tus protocol (https://tus.io/protocols/resumable-upload): send Tus-Resumable: 1.0.0, Upload-Length and Upload-Metadata (filename required; documentType and periodId optional). The file type is checked by content after the last byte; refusals use the error shape.",
          parameters: [tusResumable],
          responses: {
            "201": { description: "Upload created; its URL is in the Location header" },
            "400": errorResponse("Empty file, missing name or length, unknown document type"),
            "401": errorResponse("Not signed in"),
            "403": errorResponse("Not allowed to upload evidence"),
            "413": errorResponse("Larger than UPLOAD_MAX_BYTES"),
            "415": errorResponse("File type not accepted"),
          },
        },
      },
      "/api/v1/uploads/{uploadId}": {
        head: {
          summary: "Offset of an upload; for a finished one also the evidence it became (Upload-Evidence header, base64url JSON)",
          parameters: [tusResumable, uploadIdParameter],
          responses: { "200": { description: "Upload-Offset and Upload-Length headers" }, "404": errorResponse("No such upload of this person") },
        },
        patch: {
          summary: "Append bytes at Upload-Offset (Content-Type: application/offset+octet-stream)",
          parameters: [tusResumable, uploadIdParameter],
          responses: {
            "204": { description: "Bytes stored; after the last byte the Upload-Evidence header names the new evidence" },
            "404": errorResponse("No such upload of this person"),
            "409": errorResponse("Upload-Offset does not match"),
            "415": errorResponse("The complete file's content is not an accepted type, does not match its extension, or is a zip bomb; nothing is kept"),
          },
        },
        delete: {
          summary: "Abandon an unfinished upload",
          parameters: [tusResumable, uploadIdParameter],
          responses: { "204": { description: "Removed" }, "404": errorResponse("No such upload of this person") },
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
