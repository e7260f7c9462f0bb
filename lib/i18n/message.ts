// Text made on the server (refusals, validation issues, command results, stored reasons)
// travels as a key into the catalogs plus its parameters, never as a sentence: it becomes
// text where it is shown, in the reader's language. This file carries no catalog, so the
// engine, the schemas and client code can use it without pulling the catalogs in.
import type { Messages } from "./messages";

type Leaves<T, Prefix extends string> = {
  [K in keyof T & string]: T[K] extends string
    ? `${Prefix}${K}`
    : T[K] extends readonly unknown[]
      ? never
      : T[K] extends object
        ? Leaves<T[K], `${Prefix}${K}.`>
        : never;
}[keyof T & string];

/** A dotted path to a text in the catalogs ("answers.notEditable"); a typo is a type error. */
export type MessageKey = Leaves<Messages, "">;
/** A parameter is a value or other messages (status names rendered in the same language; a list joined by commas). */
export type MessageParam = string | number | Message | readonly Message[];
export type MessageParams = Readonly<Record<string, MessageParam>>;
export type Message = { readonly key: MessageKey; readonly params?: MessageParams };

export function msg(key: MessageKey, params?: MessageParams): Message {
  return params ? { key, params } : { key };
}

/** For zod: the key is the message (zod keeps a string there); see lib/validation/issues.ts. */
export const messageKey = (key: MessageKey): MessageKey => key;

const KEY_SHAPE = /^[a-z][A-Za-z0-9]*(\.[A-Za-z0-9_]+)+$/;

/** True for a string shaped like a catalog key (zod's own messages are sentences with spaces). */
export const looksLikeKey = (text: string): text is MessageKey => KEY_SHAPE.test(text);

export function isMessage(value: unknown): value is Message {
  return typeof value === "object" && value !== null && typeof (value as { key?: unknown }).key === "string";
}

function lookup(catalog: Messages, path: string): string | undefined {
  let node: unknown = catalog;
  for (const part of path.split(".")) {
    if (typeof node !== "object" || node === null) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === "string" ? node : undefined;
}

/** True when the catalog has a text at this key (a stored key from an older release may not). */
export const hasText = (catalog: Messages, path: string): boolean => lookup(catalog, path) !== undefined;

/**
 * The message's text in the given catalog, {name} placeholders filled from its parameters.
 * A key the catalog lacks (only possible for keys read back from storage) shows as the key.
 */
export function renderIn(catalog: Messages, message: Message): string {
  const template = lookup(catalog, message.key);
  if (template === undefined) return message.key;
  const params = message.params ?? {};
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    if (Array.isArray(value)) return value.map((item: Message) => renderIn(catalog, item)).join(", ");
    return typeof value === "object" ? renderIn(catalog, value as Message) : String(value);
  });
}
