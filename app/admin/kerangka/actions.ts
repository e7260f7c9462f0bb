"use server";

import { db } from "@/lib/db";
import { getActor } from "@/lib/auth/current";
import { AppError } from "@/lib/errors";
import { formAction } from "@/lib/http/form-action";
import { COMMANDS } from "@/lib/commands";
import { previewFrameworkImport, type FrameworkPreview } from "@/lib/framework-versions/import";

/** Reads nothing but the file and the newest stored version: no state changes, so no command. */
export async function previewFramework(content: string): Promise<FrameworkPreview> {
  const actor = await getActor();
  if (!actor) throw new AppError("unauthorized");
  return previewFrameworkImport(db, actor, content);
}

export const importFramework = formAction(COMMANDS.importFramework, { revalidate: ["/admin/kerangka"] });
