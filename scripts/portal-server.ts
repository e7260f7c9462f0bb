// The portal's HTTP server: Next.js behind a Node server that still sees the socket. Each
// request gets the client address this deployment trusts (lib/http/client-address.ts)
// before Next.js or any route reads a header; `npm start` and `npm run dev` run this.
import http from "node:http";
import next from "next";
import { env } from "@/lib/env";
import { applyClientAddress, parseTrustedProxies } from "@/lib/auth/client-address";

const isDev = process.argv.includes("--dev");
const trustedProxies = parseTrustedProxies(env.TRUSTED_PROXIES);
const app = next({ dev: isDev, dir: process.cwd(), port: env.PORT });
const handle = app.getRequestHandler();
await app.prepare();
const upgrade = app.getUpgradeHandler();

const server = http.createServer((request, response) => {
  applyClientAddress(request.headers, request.socket.remoteAddress, trustedProxies);
  void handle(request, response);
});
server.on("upgrade", (request, socket, head) => {
  applyClientAddress(request.headers, request.socket.remoteAddress, trustedProxies);
  void upgrade(request, socket, head);
});
server.listen(env.PORT, () => console.log(`Portal listening on port ${env.PORT}${isDev ? " (development)" : ""}`));

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    server.close();
    void app.close().finally(() => process.exit(0));
  });
}
