// A real SMTP server on loopback (the smtp-server package) that keeps what it receives,
// decoded enough for tests to read: recipients, subject, Message-ID, language and text.
import { SMTPServer } from "smtp-server";

export type ReceivedMail = { to: string[]; subject: string; messageId: string; headers: Map<string, string>; text: string };

function decodeQuotedPrintable(text: string): string {
  const bytes: number[] = [];
  const soft = text.replace(/=\r?\n/g, "");
  for (let i = 0; i < soft.length; i++) {
    if (soft[i] === "=" && /^[0-9A-F]{2}$/i.test(soft.slice(i + 1, i + 3))) {
      bytes.push(parseInt(soft.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(...Buffer.from(soft[i]!, "utf8"));
  }
  return Buffer.from(bytes).toString("utf8");
}

/** RFC 2047 encoded words (=?UTF-8?Q?…?= and =?UTF-8?B?…?=). */
function decodeWords(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, "?==?")
    .replace(/=\?utf-8\?([bq])\?([^?]*)\?=/gi, (_whole, kind: string, data: string) =>
      kind.toLowerCase() === "b" ? Buffer.from(data, "base64").toString("utf8") : decodeQuotedPrintable(data.replace(/_/g, " ")),
    );
}

export function parseMail(raw: string, to: string[]): ReceivedMail {
  const split = raw.indexOf("\r\n\r\n");
  const head = raw.slice(0, split).replace(/\r\n[ \t]+/g, " ");
  const body = raw.slice(split + 4);
  const headers = new Map<string, string>();
  for (const line of head.split("\r\n")) {
    const colon = line.indexOf(":");
    if (colon > 0) headers.set(line.slice(0, colon).toLowerCase(), decodeWords(line.slice(colon + 1).trim()));
  }
  const encoding = (headers.get("content-transfer-encoding") ?? "").toLowerCase();
  const text = encoding === "quoted-printable" ? decodeQuotedPrintable(body) : encoding === "base64" ? Buffer.from(body, "base64").toString("utf8") : body;
  return { to, subject: headers.get("subject") ?? "", messageId: headers.get("message-id") ?? "", headers, text: text.replace(/\r\n/g, "\n") };
}

export type SmtpSink = { port: number; received: ReceivedMail[]; close(): Promise<void>; listen(): Promise<void> };

/** Listens on `port` (0: any free one); close() and listen() again to simulate an outage. */
export async function startSmtpSink(port = 0): Promise<SmtpSink> {
  const received: ReceivedMail[] = [];
  let server: SMTPServer;
  const sink: SmtpSink = {
    port,
    received,
    async listen() {
      server = new SMTPServer({
        authOptional: true,
        disabledCommands: ["STARTTLS", "AUTH"],
        logger: false,
        onData(stream, session, callback) {
          const chunks: Buffer[] = [];
          stream.on("data", (chunk: Buffer) => chunks.push(chunk));
          stream.on("end", () => {
            received.push(parseMail(Buffer.concat(chunks).toString("utf8"), session.envelope.rcptTo.map((address) => address.address)));
            callback();
          });
        },
      });
      await new Promise<void>((resolve, reject) => {
        server.once("error", reject);
        server.listen(sink.port, "127.0.0.1", () => resolve());
      });
      const address = server.server.address();
      if (address && typeof address === "object") sink.port = address.port;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  await sink.listen();
  return sink;
}
