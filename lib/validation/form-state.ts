// What a form sends and what it gets back, shared by the browser and the server actions.
export type FormState =
  | { status: "idle" }
  | { status: "ok"; message: string; data?: Record<string, string>; at: number }
  | { status: "error"; code: string; message: string; fieldErrors: Record<string, string>; current?: Record<string, string>; at: number };

export const IDLE: FormState = { status: "idle" };

/** Field `name[]` becomes `name: string[]` (checkbox groups); everything else a string. Files are not read here. */
export function formDataToObject(formData: FormData): Record<string, string | string[]> {
  const result: Record<string, string | string[]> = {};
  for (const [key, value] of formData.entries()) {
    if (key.startsWith("$ACTION") || typeof value !== "string") continue;
    if (key.endsWith("[]")) {
      const name = key.slice(0, -2);
      result[name] = [...((result[name] as string[] | undefined) ?? []), value];
    } else {
      result[key] = value;
    }
  }
  return result;
}
