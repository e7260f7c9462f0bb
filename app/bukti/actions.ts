"use server";

import { formAction } from "@/lib/http/form-action";
import { COMMANDS } from "@/lib/commands";

export const createLinkEvidence = formAction(COMMANDS.createLinkEvidence, { revalidate: ["/bukti"] });
export const updateEvidence = formAction(COMMANDS.updateEvidence, { revalidate: ["/bukti"] });
export const deleteEvidence = formAction(COMMANDS.deleteEvidence, { revalidate: ["/bukti"] });
export const carryOverEvidence = formAction(COMMANDS.carryOverEvidence, { revalidate: ["/bukti"] });
export const setEvidenceShared = formAction(COMMANDS.setEvidenceShared, { revalidate: ["/bukti"] });
