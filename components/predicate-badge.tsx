// The predicate as a coloured badge. No client code: server pages show it without
// shipping the calculator's JavaScript.
const PREDICATE_STYLES: Record<string, string> = {
  Memuaskan: "bg-emerald-700 text-white",
  "Sangat Baik": "bg-green-600 text-white",
  Baik: "bg-sky-700 text-white",
  Cukup: "bg-amber-500 text-slate-900",
  Kurang: "bg-red-700 text-white",
};

export function PredicateBadge({ predicate }: { predicate: string }) {
  return (
    <span className={`inline-block rounded-full px-3 py-1 text-sm font-semibold ${PREDICATE_STYLES[predicate] ?? "bg-slate-600 text-white"}`}>
      {predicate}
    </span>
  );
}
