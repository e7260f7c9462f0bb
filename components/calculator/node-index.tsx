"use client";

import { formatIndex } from "@/lib/scoring";
import { useCalculator } from "./calculator-context";

/** Live index of one domain or aspect, next to its heading. */
export function NodeIndex({ code, label }: { code: string; label: string }) {
  const { score } = useCalculator();
  const node = score.nodes.find((candidate) => candidate.code === code);
  if (!node) return null;
  return (
    <span className="rounded bg-white/80 px-2 py-0.5 text-sm font-semibold tabular-nums text-brand-900" data-node-index={code}>
      {label} {formatIndex(node.indexExact)}
    </span>
  );
}
