// A portal process reduced to the upload endpoint, acting for one person (UPLOAD_USER_ID),
// so the crash test can kill it with SIGKILL in the middle of an upload and start it again.
import http from "node:http";
import { Readable } from "node:stream";
import { db } from "@/lib/db";
import { loadActor } from "@/lib/auth/actor";
import { handleUploadRequest } from "@/lib/http/upload-endpoint";

const HOP_BY_HOP = new Set(["connection", "keep-alive", "transfer-encoding", "upgrade", "host"]);

const actor = await loadActor(db, process.env.UPLOAD_USER_ID ?? "");
const server = http.createServer(async (incoming, outgoing) => {
  const headers = Object.entries(incoming.headers).filter(([name]) => !HOP_BY_HOP.has(name)) as [string, string][];
  const hasBody = incoming.method !== "GET" && incoming.method !== "HEAD";
  const request = new Request(`http://127.0.0.1${incoming.url}`, {
    method: incoming.method,
    headers,
    ...(hasBody ? { body: Readable.toWeb(incoming) as ReadableStream, duplex: "half" } : {}),
  } as RequestInit);
  const response = await handleUploadRequest(request, actor);
  outgoing.writeHead(response.status, Object.fromEntries(response.headers));
  if (response.body && incoming.method !== "HEAD") Readable.fromWeb(response.body as import("node:stream/web").ReadableStream).pipe(outgoing);
  else outgoing.end();
});
server.listen(Number(process.env.PORT), "127.0.0.1", () => console.log("listening"));
