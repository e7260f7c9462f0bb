// The bulk assignment form's input: the whole matrix at once, as the set of checked
// indicator x unit pairs and the named people per pair, plus the version token of the
// assignment set the form was built from.
import { z } from "zod";
import { id, line } from "./primitives";
import { messageKey } from "@/lib/i18n/message";

const ID = "[A-Za-z0-9_-]{1,40}";
const PAIR = new RegExp(`^${ID}:${ID}$`);
const ASSIGNEE = new RegExp(`^${ID}:${ID}:${ID}$`);

// Generous bounds: a framework has tens of indicators and an instansi tens of units.
export const ZAssignmentSave = z.object({
  periodId: id,
  version: line().trim().min(1, messageKey("assignments.versionMissing")).max(100),
  pairs: z.array(z.string().regex(PAIR, messageKey("assignments.malformed"))).max(10_000).default([]),
  assignees: z.array(z.string().regex(ASSIGNEE, messageKey("assignments.malformed"))).max(20_000).default([]),
});

export type AssignmentSaveInput = z.output<typeof ZAssignmentSave>;
