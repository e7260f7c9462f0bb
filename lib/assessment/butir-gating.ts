// Level gating as the national application applies it: a butir of level N counts only once
// every butir of the levels below is accepted; until then it is "menunggu tingkat di
// bawahnya" (the assessor's "ditolak otomatis"). Plain TypeScript over codes, so the form,
// the commands and the reports derive the same thing from the stored statuses.
import { Decimal } from "@/lib/decimal";

export interface GatedLevelInput {
  readonly level: number;
  readonly butir: readonly { readonly code: string }[];
}

/** What a butir effectively is once gating is applied to its stored status. */
export type GatedButirState = "accepted" | "open" | "waiting_for_lower_level";

export interface GatedLevel {
  readonly level: number;
  readonly total: number;
  /** Accepted and not waiting: what the national application counts. */
  readonly accepted: number;
  readonly waitingForLowerLevel: boolean;
  /** Every butir of the level accepted (a level without known butir never is; see butirUnknown). */
  readonly complete: boolean;
  /** The framework data lists no butir for this level (e.g. a slide missing from the source). */
  readonly butirUnknown: boolean;
  readonly butir: readonly { readonly code: string; readonly state: GatedButirState }[];
}

export interface ButirGating {
  readonly levels: readonly GatedLevel[];
  /**
   * The highest level N such that every level up to N is complete; null when level 1 is not.
   * A level with no known butir stops the count: nothing shows it is met.
   */
  readonly highestCompleteLevel: number | null;
}

export function gateButir(levels: readonly GatedLevelInput[], isAccepted: (code: string) => boolean): ButirGating {
  const ordered = [...levels].sort((left, right) => left.level - right.level);
  let lowerLevelsComplete = true;
  let highestCompleteLevel: number | null = null;
  const gated = ordered.map((level): GatedLevel => {
    const waitingForLowerLevel = !lowerLevelsComplete;
    const butir = level.butir.map((item) => ({
      code: item.code,
      state: waitingForLowerLevel ? ("waiting_for_lower_level" as const) : isAccepted(item.code) ? ("accepted" as const) : ("open" as const),
    }));
    const accepted = butir.filter((item) => item.state === "accepted").length;
    const butirUnknown = butir.length === 0;
    const complete = !waitingForLowerLevel && !butirUnknown && accepted === butir.length;
    if (complete) highestCompleteLevel = level.level;
    lowerLevelsComplete = complete;
    return { level: level.level, total: butir.length, accepted, waitingForLowerLevel, complete, butirUnknown, butir };
  });
  return { levels: gated, highestCompleteLevel };
}

/**
 * True when the chosen value reaches a level whose butir are not all accepted: with level 2
 * complete, 2,75 is the person's call (how far level 3 goes is not a published rule), 3 is
 * more than the butir support. `floor` is the scale minimum, which needs no butir.
 */
export function valueAboveButir(value: { toString(): string } | null, gating: ButirGating, floor: { toString(): string }): boolean {
  if (value === null) return false;
  const scaleFloor = Decimal.parse(floor.toString());
  const complete = Decimal.fromInteger(gating.highestCompleteLevel ?? 0);
  const base = complete.gt(scaleFloor) ? complete : scaleFloor;
  return Decimal.parse(value.toString()).gte(base.add(Decimal.ONE));
}
