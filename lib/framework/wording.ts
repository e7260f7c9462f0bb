// Which family of words a framework is spoken of in (titles, reports, the Berita Acara):
// data on the framework when it says so, else told by its code, so versions stored before
// the field existed still read right.
import type { FrameworkDefinition } from "./schema";

export type FrameworkWording = "spbe" | "pemdi";

export function frameworkWording(definition: Pick<FrameworkDefinition, "code" | "wording">): FrameworkWording {
  return definition.wording ?? (definition.code.startsWith("pemdi") ? "pemdi" : "spbe");
}
