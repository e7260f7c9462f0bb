import type { ReactNode } from "react";
import { notFound } from "next/navigation";
import { requireActor } from "@/lib/auth/current";
import { adminSectionsFor } from "@/lib/admin/navigation";
import { getMessages } from "@/lib/i18n/locale";
import { AdminTabs } from "@/components/admin/admin-tabs";

export default async function AdminLayout({ children }: { children: ReactNode }) {
  const actor = await requireActor("/admin");
  const { m } = await getMessages();
  const sections = adminSectionsFor(actor);
  // Someone without any administration right gets the same answer as for a missing page.
  if (sections.length === 0) notFound();
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold text-brand-900">{m.admin.title}</h1>
      <AdminTabs label={m.admin.title} sections={sections.map((section) => ({ href: section.href, label: m.admin.nav[section.key] }))} />
      {children}
    </div>
  );
}
