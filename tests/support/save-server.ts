// A portal process reduced to the answer save: the same command the indicator form's
// server action runs (lib/assessment/answers.ts saveAnswer, one transaction with its
// audit record), over HTTP, acting for one person (SAVE_USER_ID). The crash test kills it
// with SIGKILL while saves are in flight and starts it again. The request id of every
// save (X-Request-Id) is written into its audit record, so the test can find each
// acknowledged save afterwards.
import http from "node:http";
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { loadActor } from "@/lib/auth/actor";
import { executeCommand } from "@/lib/command";
import { saveAnswer } from "@/lib/assessment/answers";
import { errorResponse } from "@/lib/errors";
import { toAppError } from "@/lib/http/api-route";

const actor = await loadActor(db, process.env.SAVE_USER_ID ?? "");

async function save(incoming: http.IncomingMessage): Promise<Response> {
  const requestId = String(incoming.headers["x-request-id"] ?? randomUUID());
  try {
    const chunks: Buffer[] = [];
    for await (const chunk of incoming) chunks.push(chunk as Buffer);
    const input: unknown = JSON.parse(Buffer.concat(chunks).toString("utf8"));
    const result = await executeCommand(db, saveAnswer, actor, { actorId: null, ip: "127.0.0.1", userAgent: "save-server", requestId }, input);
    return Response.json(result);
  } catch (error) {
    return errorResponse(toAppError(error, requestId), "id");
  }
}

const server = http.createServer(async (incoming, outgoing) => {
  const response = await save(incoming);
  outgoing.writeHead(response.status, { "content-type": "application/json" }).end(await response.text());
});
server.listen(Number(process.env.PORT), "127.0.0.1", () => console.log("listening"));
