"use server";

import { formAction } from "@/lib/http/form-action";
import { COMMANDS } from "@/lib/commands";

const INDICATOR_PAGE = "/periode/[periodId]/indikator/[number]";

export const saveAnswer = formAction(COMMANDS.saveAnswer);
export const submitAnswer = formAction(COMMANDS.submitAnswer, { revalidate: [INDICATOR_PAGE] });
export const addLinkEvidence = formAction(COMMANDS.addLinkEvidence);
export const verifyAnswer = formAction(COMMANDS.verifyAnswer, { revalidate: [INDICATOR_PAGE] });
export const addComment = formAction(COMMANDS.addComment, { revalidate: [INDICATOR_PAGE] });
export const withdrawAnswer = formAction(COMMANDS.withdrawAnswer, { revalidate: [INDICATOR_PAGE] });
export const returnVerifiedAnswer = formAction(COMMANDS.returnVerifiedAnswer, { revalidate: [INDICATOR_PAGE] });
export const attachButirEvidence = formAction(COMMANDS.attachButirEvidence, { revalidate: [INDICATOR_PAGE] });
export const detachButirEvidence = formAction(COMMANDS.detachButirEvidence, { revalidate: [INDICATOR_PAGE] });
export const recordButirStage = formAction(COMMANDS.recordButirStage, { revalidate: [INDICATOR_PAGE] });
export const saveExternalIndexValue = formAction(COMMANDS.saveExternalIndexValue, { revalidate: [INDICATOR_PAGE] });
