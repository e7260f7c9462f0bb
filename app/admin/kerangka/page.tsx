import { notFound } from "next/navigation";
import { db } from "@/lib/db";
import { requireActor } from "@/lib/auth/current";
import { listIndicators } from "@/lib/framework/catalog";
import { listLatestFrameworkVersions } from "@/lib/framework-versions/store";
import { getMessages } from "@/lib/i18n/locale";
import { can } from "@/lib/policy";
import { FrameworkImport } from "@/components/admin/framework-import";
import { importFramework, previewFramework } from "./actions";
import { pageTitle } from "@/lib/http/page-title";

export const generateMetadata = pageTitle("frameworks");

export default async function FrameworksPage() {
  const actor = await requireActor("/admin/kerangka");
  if (!can(actor, "framework.import")) notFound();
  const { m } = await getMessages();
  const labels = m.admin.frameworks;
  const versions = await listLatestFrameworkVersions(db);
  return (
    <div className="space-y-4">
      <p className="max-w-3xl text-sm text-slate-700">{labels.intro}</p>
      <section className="space-y-2">
        <h2 className="font-semibold">{labels.current}</h2>
        <table className="w-full rounded-lg border border-slate-200 bg-white text-sm" data-testid="daftar-kerangka">
          <thead className="bg-slate-50 text-left text-slate-700">
            <tr>
              <th className="p-2">{labels.code}</th>
              <th className="p-2">{m.admin.agencies.name}</th>
              <th className="p-2 text-right">{labels.version}</th>
              <th className="p-2">{labels.status}</th>
              <th className="p-2 text-right">{labels.indicators}</th>
            </tr>
          </thead>
          <tbody>
            {versions.map(({ code, version, definition }) => (
              <tr key={code} className="border-t border-slate-100">
                <td className="p-2 font-mono">{code}</td>
                <td className="p-2">{definition.name}</td>
                <td className="p-2 text-right tabular-nums">{version}</td>
                <td className="p-2">{m.criteria.status[definition.status]}</td>
                <td className="p-2 text-right tabular-nums">{listIndicators(definition).length}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <FrameworkImport labels={labels} fixErrorsMessage={m.forms.fixErrors} savingLabel={labels.importing} preview={previewFramework} importAction={importFramework} />
    </div>
  );
}
