"use server";

import { formAction } from "@/lib/http/form-action";
import { COMMANDS } from "@/lib/commands";

export const recordExternalStage = formAction(COMMANDS.recordExternalStage, { revalidate: ["/periode"] });
export const saveObjection = formAction(COMMANDS.saveObjection, { revalidate: ["/periode"] });
export const decideObjection = formAction(COMMANDS.decideObjection, { revalidate: ["/periode"] });
