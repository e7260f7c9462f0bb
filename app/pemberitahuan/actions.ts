"use server";

import { revalidatePath } from "next/cache";
import { formAction } from "@/lib/http/form-action";
import { COMMANDS } from "@/lib/commands";

// The bell in the header is part of the root layout: refresh it with the list.
const withBell = { afterSuccess: async () => revalidatePath("/", "layout") };

export const markNotificationRead = formAction(COMMANDS.markNotificationRead, withBell);
export const markAllNotificationsRead = formAction(COMMANDS.markAllNotificationsRead, withBell);
export const saveNotificationPreferences = formAction(COMMANDS.saveNotificationPreferences, { revalidate: ["/pemberitahuan"] });
