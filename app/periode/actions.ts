"use server";

import { formAction } from "@/lib/http/form-action";
import { COMMANDS } from "@/lib/commands";

export const openPeriod = formAction(COMMANDS.openPeriod, { revalidate: ["/periode", "/dasbor"] });
export const updatePeriod = formAction(COMMANDS.updatePeriod, { revalidate: ["/periode", "/dasbor"] });
export const advancePeriodPhase = formAction(COMMANDS.advancePeriodPhase, { revalidate: ["/periode", "/dasbor"] });
export const reopenPeriod = formAction(COMMANDS.reopenPeriod, { revalidate: ["/periode", "/dasbor"] });
export const carryOverPeriod = formAction(COMMANDS.carryOverPeriod, { revalidate: ["/periode", "/dasbor"] });
export const movePeriodVersion = formAction(COMMANDS.movePeriodVersion, { revalidate: ["/periode", "/dasbor"] });
