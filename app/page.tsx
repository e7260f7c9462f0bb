import Link from "next/link";
import { getMessages } from "@/lib/i18n/locale";

export default async function HomePage() {
  const { m } = await getMessages();
  return (
    <div className="space-y-10">
      <section className="max-w-3xl space-y-4 pt-4">
        <h1 className="text-3xl font-bold tracking-tight text-brand-900 sm:text-4xl">{m.home.title}</h1>
        <p className="text-lg leading-relaxed text-slate-700">{m.home.intro}</p>
      </section>

      <section className="grid gap-6 md:grid-cols-2">
        <div className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
          <h2 className="text-xl font-semibold text-brand-900">{m.home.calculatorTitle}</h2>
          <p className="mt-2 text-slate-700">{m.home.calculatorText}</p>
          <Link
            href="/kalkulator"
            className="mt-4 inline-block rounded-md bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800"
          >
            {m.home.calculatorCta}
          </Link>
        </div>
        <div className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
          <h2 className="text-xl font-semibold text-brand-900">{m.home.apiTitle}</h2>
          <p className="mt-2 text-slate-700">{m.home.apiText}</p>
          <a href="/api/v1/openapi.json" className="mt-4 inline-block text-brand-700 underline">
            {m.home.apiCta}
          </a>
        </div>
      </section>

      <section>
        <h2 className="text-xl font-semibold text-brand-900">{m.home.rolesTitle}</h2>
        <ul className="mt-3 grid gap-3 sm:grid-cols-2">
          {m.home.roles.map((role) => (
            <li key={role.name} className="rounded-md border border-slate-200 bg-white p-4">
              <span className="font-medium">{role.name}</span> <span className="text-slate-700">{role.text}</span>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
