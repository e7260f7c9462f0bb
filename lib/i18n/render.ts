// Server-side rendering of messages: both catalogs, the reader's language chosen by the caller.
import { DEFAULT_LOCALE, messages, type Locale } from "./messages";
import { renderIn, type Message } from "./message";

export function render(message: Message, locale: Locale = DEFAULT_LOCALE): string {
  return renderIn(messages[locale], message);
}
