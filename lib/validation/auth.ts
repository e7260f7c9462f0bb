import { z } from "zod";
import { line } from "./primitives";
import { messages } from "@/lib/i18n/messages";

const m = messages.id.auth;

/** Shared by the sign-in form (instant feedback) and the server. */
export const ZSignIn = z.object({
  email: line().trim().email(m.emailInvalid),
  password: line().min(1, m.passwordRequired),
});
