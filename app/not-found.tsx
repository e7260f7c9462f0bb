import Link from "next/link";
import { getMessages } from "@/lib/i18n/locale";

export default async function NotFound() {
  const { m } = await getMessages();
  return (
    <div className="py-16 text-center">
      <h1 className="text-2xl font-semibold">{m.notFound.title}</h1>
      <Link href="/" className="mt-4 inline-block text-brand-700 underline">{m.notFound.back}</Link>
    </div>
  );
}
