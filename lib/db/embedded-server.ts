// A PostgreSQL wire-protocol server in front of one embedded PGlite database.
//
// PGlite has exactly one session. Several client connections (the portal's pool, a seed
// script, a test) share it, so the server hands the session to one connection at a time
// and takes it back only at a safe point: after a Sync or simple Query has completed and
// the session is outside any transaction. Until then, messages of every other connection
// wait. Handing it over per message instead (as pglite-socket's multiplexer does) would
// let another connection's statements run inside a foreign transaction or between the
// Parse and Execute of an extended-protocol query.
import net from "node:net";
import { PGlite } from "@electric-sql/pglite";

const SSL_REQUEST_CODE = 80877103;
const GSS_REQUEST_CODE = 80877104;
const CANCEL_REQUEST_CODE = 80877102;
const PROTOCOL_V3 = 196608;

type Message = { data: Buffer; isStartup: boolean };

type Connection = {
  socket: net.Socket;
  buffer: Buffer;
  started: boolean;
  pending: Message[];
  closed: boolean;
};

export type EmbeddedServer = {
  port: number;
  host: string;
  url: string;
  close(): Promise<void>;
};

export type EmbeddedServerOptions = {
  /** Directory of the database files; omit for an in-memory database. */
  dataDir?: string;
  host?: string;
  /** 0 picks a free port. */
  port?: number;
};

export async function startEmbeddedServer(options: EmbeddedServerOptions = {}): Promise<EmbeddedServer> {
  const db = await PGlite.create(options.dataDir ? { dataDir: options.dataDir } : {});
  const host = options.host ?? "127.0.0.1";
  let owner: Connection | null = null;
  const waiting: Connection[] = [];
  const sockets = new Set<net.Socket>();
  let running = false;

  function frame(conn: Connection): Message[] {
    const messages: Message[] = [];
    for (;;) {
      const buf = conn.buffer;
      if (!conn.started) {
        if (buf.length < 8) break;
        const length = buf.readInt32BE(0);
        if (buf.length < length) break;
        messages.push({ data: buf.subarray(0, length), isStartup: true });
        conn.buffer = buf.subarray(length);
        if (buf.readInt32BE(4) === PROTOCOL_V3) conn.started = true;
        continue;
      }
      if (buf.length < 5) break;
      const length = 1 + buf.readInt32BE(1);
      if (buf.length < length) break;
      messages.push({ data: buf.subarray(0, length), isStartup: false });
      conn.buffer = buf.subarray(length);
    }
    return messages;
  }

  async function execute(conn: Connection, { data, isStartup }: Message): Promise<void> {
    if (isStartup) {
      const code = data.readInt32BE(4);
      if (code === SSL_REQUEST_CODE || code === GSS_REQUEST_CODE) {
        conn.socket.write("N");
        return;
      }
      if (code === CANCEL_REQUEST_CODE) return;
    } else if (data[0] === "X".charCodeAt(0)) {
      conn.socket.end();
      return;
    }
    await db.execProtocolRawStream(new Uint8Array(data), {
      onRawData: (chunk) => {
        if (!conn.closed && chunk.length > 0) conn.socket.write(Buffer.from(chunk));
      },
    });
  }

  function isSafePoint({ data, isStartup }: Message): boolean {
    if (isStartup) return true;
    const type = String.fromCharCode(data[0] ?? 0);
    return (type === "S" || type === "Q") && !db.isInTransaction();
  }

  async function pump(): Promise<void> {
    if (running) return;
    running = true;
    try {
      for (;;) {
        if (!owner) {
          const next = waiting.shift();
          if (!next) break;
          owner = next;
        }
        const conn = owner;
        const message = conn.pending.shift();
        if (!message) {
          if (conn.closed) {
            await release(conn);
            continue;
          }
          // The owner is mid-exchange and its next message has not arrived yet.
          break;
        }
        try {
          await execute(conn, message);
        } catch (error) {
          conn.socket.destroy(error instanceof Error ? error : undefined);
          await release(conn);
          continue;
        }
        if (isSafePoint(message)) {
          owner = null;
          if (conn.pending.length > 0) waiting.push(conn);
        }
      }
    } finally {
      running = false;
    }
  }

  async function release(conn: Connection): Promise<void> {
    if (owner !== conn) return;
    if (db.isInTransaction()) await db.exec("ROLLBACK");
    owner = null;
  }

  const server = net.createServer((socket) => {
    socket.setNoDelay(true);
    sockets.add(socket);
    const conn: Connection = { socket, buffer: Buffer.alloc(0), started: false, pending: [], closed: false };
    socket.on("data", (data) => {
      conn.buffer = Buffer.concat([conn.buffer, data]);
      const messages = frame(conn);
      if (messages.length === 0) return;
      const wasIdle = conn.pending.length === 0;
      conn.pending.push(...messages);
      if (wasIdle && owner !== conn && !waiting.includes(conn)) waiting.push(conn);
      void pump();
    });
    const onGone = () => {
      if (conn.closed) return;
      conn.closed = true;
      sockets.delete(socket);
      conn.pending.length = 0;
      const index = waiting.indexOf(conn);
      if (index >= 0) waiting.splice(index, 1);
      if (owner === conn && !running) void release(conn).then(pump);
    };
    socket.on("close", onGone);
    socket.on("error", onGone);
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const address = server.address();
  if (!address || typeof address === "string") throw new Error("embedded server has no TCP address");
  const port = address.port;

  return {
    port,
    host,
    url: `postgresql://postgres@${host}:${port}/postgres?sslmode=disable`,
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await db.close();
    },
  };
}
