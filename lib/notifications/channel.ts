// The seam for another delivery channel beside e-mail (for example WhatsApp through a
// WhatsApp Business provider). Nothing implements it yet: a channel is added only together
// with its tests against the provider's sandbox (see README, "Notifications").
//
// A channel would get its own queue table shaped like OutboundEmail (one row per message,
// written by notify() in the command's transaction, claimed FOR UPDATE SKIP LOCKED by the
// notification loop, retried with the same backoff), a NotificationChannel enum value so
// people can turn it on or off per type, and a verified address per person (a phone number
// confirmed by a code, never typed in by somebody else).
import type { Locale } from "@/lib/i18n/messages";

/** One message to one person, already rendered in their language. */
export type ChannelMessage = {
  /** The queue row's id: the provider's idempotency key, so a retry after a crash is not a second message. */
  idempotencyKey: string;
  /** The person's verified address on this channel (an E.164 phone number for WhatsApp). */
  address: string;
  locale: Locale;
  /** Plain text with the absolute link back to the portal. */
  text: string;
};

export type ChannelSendResult = { providerMessageId: string };

export interface MessagingChannel {
  readonly name: string;
  /** Sends one message; throws when the provider refuses or cannot be reached (the queue retries). */
  send(message: ChannelMessage): Promise<ChannelSendResult>;
  /**
   * The provider's delivery webhook (delivered, read, failed), as a route handler under
   * app/api/v1/ would receive it: checks the provider's signature over the raw body and
   * returns the queue row it concerns with its new state, or null for a request it refuses.
   */
  parseDeliveryWebhook(headers: Headers, rawBody: string): { idempotencyKey: string; state: "DELIVERED" | "READ" | "FAILED" } | null;
}
