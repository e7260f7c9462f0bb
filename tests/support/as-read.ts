// What a person reads: commands and errors carry message keys; tests that assert the
// Indonesian texts look at them rendered, as the edge would (lib/i18n/render.ts).
import { AppError } from "@/lib/errors";
import { isMessage } from "@/lib/i18n/message";
import { render } from "@/lib/i18n/render";

function rendered(value: unknown): unknown {
  if (isMessage(value)) return render(value);
  if (Array.isArray(value)) return value.map(rendered);
  if (value instanceof AppError) {
    // Error's own message and stack are not enumerable: copied by name.
    return Object.assign(Object.create(AppError.prototype) as AppError, value, { message: value.message, stack: value.stack, details: rendered(value.details) });
  }
  if (value && typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([key, child]) => [key, rendered(child)]));
  }
  return value;
}

/** The value with every message replaced by its Indonesian text (types kept for the assertions' sake). */
export const asRead = <T>(value: T): T => rendered(value) as T;
