// Messages made on the server (validation and refusals) are written in Bahasa Indonesia
// from the catalog. For a reader who chose English, the same message is found in the
// Indonesian catalog (templates included: "Unit {name} ditambahkan." matches with its
// values) and given back from the English one. A message the catalog does not know stays
// as it was.
import { messages, type Locale } from "./messages";

type Entry = { pattern: RegExp; names: string[]; target: string };

let entries: { exact: Map<string, string>; templates: Entry[] } | undefined;

function leaves(source: unknown, target: unknown, visit: (from: string, to: string) => void) {
  if (typeof source === "string" && typeof target === "string") return visit(source, target);
  if (Array.isArray(source) && Array.isArray(target)) return source.forEach((item, index) => leaves(item, target[index], visit));
  if (source && target && typeof source === "object" && typeof target === "object") {
    for (const key of Object.keys(source)) leaves((source as Record<string, unknown>)[key], (target as Record<string, unknown>)[key], visit);
  }
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

function build() {
  const exact = new Map<string, string>();
  const templates: Entry[] = [];
  leaves(messages.id, messages.en, (from, to) => {
    if (!/\{\w+\}/.test(from)) {
      if (!exact.has(from)) exact.set(from, to);
      return;
    }
    const names: string[] = [];
    const source = from
      .split(/(\{\w+\})/)
      .map((part) => {
        const name = /^\{(\w+)\}$/.exec(part)?.[1];
        if (!name) return escape(part);
        names.push(name);
        return "(.+?)";
      })
      .join("");
    templates.push({ pattern: new RegExp(`^${source}$`, "s"), names, target: to });
  });
  return { exact, templates };
}

export function translateMessage(message: string, locale: Locale): string {
  if (locale === "id") return message;
  entries ??= build();
  const exact = entries.exact.get(message);
  if (exact !== undefined) return exact;
  for (const { pattern, names, target } of entries.templates) {
    const match = pattern.exec(message);
    if (match) return names.reduce((text, name, index) => text.replaceAll(`{${name}}`, match[index + 1]!), target);
  }
  return message;
}
