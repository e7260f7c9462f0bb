"use server";

import { formAction } from "@/lib/http/form-action";
import { COMMANDS } from "@/lib/commands";

export const setUnitDeadline = formAction(COMMANDS.setUnitDeadline, { revalidate: ["/periode/[periodId]"] });
