import { z } from "zod";
import { line } from "./primitives";
import { messageKey } from "@/lib/i18n/message";

/** Shared by the sign-in form (instant feedback) and the server. */
export const ZSignIn = z.object({
  email: line().trim().email(messageKey("auth.emailInvalid")),
  password: line().min(1, messageKey("auth.passwordRequired")),
});
