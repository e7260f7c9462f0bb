// Which administration pages an actor may open; the layout shows exactly these tabs and
// each page checks its own permission again on the server.
import { can, type Action, type Actor } from "@/lib/policy";

export const ADMIN_SECTIONS = [
  { key: "units", href: "/admin/unit", action: "unit.manage" },
  { key: "users", href: "/admin/pengguna", action: "user.manage" },
  { key: "agencies", href: "/admin/instansi", action: "instansi.manage" },
  { key: "frameworks", href: "/admin/kerangka", action: "framework.import" },
  { key: "audit", href: "/admin/audit", action: "audit.read" },
] as const satisfies readonly { key: string; href: string; action: Action }[];

export function adminSectionsFor(actor: Actor | null) {
  if (!actor) return [];
  const scope = actor.active.instansiId ? { instansiId: actor.active.instansiId } : undefined;
  return ADMIN_SECTIONS.filter((section) => can(actor, section.action, scope));
}
