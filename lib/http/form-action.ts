// The one wrapper for server actions behind forms: who is acting, the form's fields as a
// plain object, the command (validation, policy, transaction, audit), and every outcome
// as a FormState the form renders. Next.js already refuses cross-origin action posts.
import { headers } from "next/headers";
import { revalidatePath } from "next/cache";
import { db } from "@/lib/db";
import { getActor } from "@/lib/auth/current";
import { requestContextFrom } from "@/lib/auth/request-context";
import { executeCommand, type Command, type CommandResult } from "@/lib/command";
import { fieldErrors } from "@/lib/validation/issues";
import { formDataToObject, type FormState } from "@/lib/validation/form-state";
import { getMessages } from "@/lib/i18n/locale";
import { msg } from "@/lib/i18n/message";
import { render } from "@/lib/i18n/render";
import type { Actor } from "@/lib/policy";
import { toAppError } from "./api-route";

type Options = {
  revalidate?: string[];
  /** Runs after the transaction committed, e.g. to re-issue the session cookie. */
  afterSuccess?: (actor: Actor, result: CommandResult) => Promise<void>;
};

export function formAction(command: Command, options: Options = {}) {
  return async (_previous: FormState, formData: FormData): Promise<FormState> => {
    const context = requestContextFrom(await headers(), null);
    const { locale } = await getMessages();
    try {
      const actor = await getActor();
      const result = await executeCommand(db, command, actor, context, formDataToObject(formData));
      if (actor && options.afterSuccess) await options.afterSuccess(actor, result);
      // A route pattern ("/periode/[periodId]") revalidates every page of that route.
      for (const path of options.revalidate ?? []) revalidatePath(path, path.includes("[") ? "page" : undefined);
      return { status: "ok", message: render(result.message, locale), ...(result.data ? { data: result.data } : {}), at: Date.now() };
    } catch (error) {
      const appError = toAppError(error, context.requestId ?? "-");
      const errors = fieldErrors(appError.details);
      return {
        status: "error",
        code: appError.code,
        message: render(Object.keys(errors).length > 0 ? msg("forms.fixErrors") : appError.userMessage, locale),
        fieldErrors: Object.fromEntries(Object.entries(errors).map(([field, message]) => [field, render(message, locale)])),
        ...(appError.current ? { current: appError.current } : {}),
        at: Date.now(),
      };
    }
  };
}

