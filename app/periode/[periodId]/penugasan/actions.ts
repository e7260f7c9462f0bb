"use server";

import { formAction } from "@/lib/http/form-action";
import { COMMANDS } from "@/lib/commands";

export const saveAssignments = formAction(COMMANDS.saveAssignments, { revalidate: ["/periode"] });
