import { z } from "zod";
import { messages } from "@/lib/i18n/messages";

const m = messages.id.auth;

/** Shared by the sign-in form (instant feedback) and the server. */
export const ZSignIn = z.object({
  email: z.string().trim().email(m.emailInvalid),
  password: z.string().min(1, m.passwordRequired),
});
