"use server";

import { cookies } from "next/headers";
import { db } from "@/lib/db";
import { formAction } from "@/lib/http/form-action";
import { COMMANDS } from "@/lib/commands";
import { readSessionToken, writeSessionToken } from "@/lib/auth/session-cookie";

/** Every other session ended with the new session version; this browser gets a token carrying it. */
export const changePassword = formAction(COMMANDS.changeOwnPassword, {
  async afterSuccess(actor) {
    const jar = await cookies();
    const session = await readSessionToken(jar);
    if (!session?.token) return;
    const { sessionVersion } = await db.user.findUniqueOrThrow({ where: { id: actor.userId }, select: { sessionVersion: true } });
    await writeSessionToken(jar, session.cookieName, { ...session.token, sv: sessionVersion });
  },
});
