"use server";

import { formAction } from "@/lib/http/form-action";
import { COMMANDS } from "@/lib/commands";

export const savePlan = formAction(COMMANDS.savePlan, { revalidate: ["/periode"] });
