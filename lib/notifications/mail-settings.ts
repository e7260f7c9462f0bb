// Where notification mail goes and what its links point at, from the environment.
import { env } from "@/lib/env";

export type MailSettings = { enabled: boolean; smtpUrl: string | null; from: string; publicUrl: string };

export function mailSettings(): MailSettings {
  return {
    // Without an SMTP server nothing would ever leave the queue: queue nothing then.
    enabled: env.MAIL_ENABLED && !!env.SMTP_URL,
    smtpUrl: env.SMTP_URL ?? null,
    from: env.MAIL_FROM,
    publicUrl: (env.PUBLIC_URL ?? `http://localhost:${env.PORT}`).replace(/\/+$/, ""),
  };
}

/** An absolute link for a path inside the portal. */
export const absoluteLink = (settings: MailSettings, path: string) => `${settings.publicUrl}${path}`;
