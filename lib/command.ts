// A command is one state-changing thing a person can do (create a unit, reset a password,
// save an answer): its input schema and its work, run in one transaction together with its
// audit record. Server actions are thin wrappers around commands (lib/http/form-action.ts),
// and the authorization matrix test runs every registered command for every role.
import type { z } from "zod";
import type { Db, DbTransaction } from "@/lib/db";
import type { RequestContext } from "@/lib/audit";
import { AppError } from "@/lib/errors";
import { msg, type Message } from "@/lib/i18n/message";
import type { Actor } from "@/lib/policy";
import { zodDetails } from "@/lib/validation/issues";
import { writeAudit } from "@/lib/audit";
import { homeInstansiOf } from "@/lib/auth/home-instansi";
import { markAttemptSucceeded, reservePasswordAttempt } from "@/lib/auth/throttle";

export type CommandContext = { tx: DbTransaction; actor: Actor; request: RequestContext };

/** What the person sees after success; `data` carries values shown once (a temporary password). */
export type CommandResult = { message: Message; data?: Record<string, string> };

export type Command<S extends z.ZodType = z.ZodType> = {
  name: string;
  input: S;
  /** May run while the actor still has to replace a temporary password. */
  allowedWithTemporaryPassword?: boolean;
  /**
   * Checks the actor's password: it counts against the same throttle as sign-in (refused
   * before any hashing once exhausted), and a wrong password (wrongPasswordError) is kept
   * as a failed attempt with its audit record, although the command's transaction rolls back.
   */
  checksPassword?: boolean;
  run(context: CommandContext, input: z.output<S>): Promise<CommandResult>;
};

export function defineCommand<S extends z.ZodType>(command: Command<S>): Command<S> {
  return command;
}

/** Validates the raw input and runs the command in one transaction. Throws AppError on refusal. */
export async function executeCommand<S extends z.ZodType>(
  db: Db,
  command: Command<S>,
  actor: Actor | null,
  request: RequestContext,
  rawInput: unknown,
): Promise<CommandResult> {
  if (!actor) throw new AppError("unauthorized");
  if (actor.mustChangePassword && !command.allowedWithTemporaryPassword) {
    throw new AppError("forbidden", { message: msg("account.mustChangeFirst") });
  }
  const parsed = command.input.safeParse(rawInput);
  if (!parsed.success) throw new AppError("validation_failed", { details: zodDetails(parsed.error) });
  const context = { ...request, actorId: actor.userId };
  const run = () => db.$transaction((tx) => command.run({ tx, actor, request: context }, parsed.data), { maxWait: 10_000, timeout: 20_000 });
  if (!command.checksPassword) return run();

  const reservation = await reservePasswordAttempt(db, actor.email, request.ip ?? "unknown");
  if (reservation.isBlocked) throw new AppError("too_many_requests", { retryAfterSeconds: reservation.retryAfterSeconds });
  try {
    const result = await run();
    await markAttemptSucceeded(db, reservation.attemptId);
    return result;
  } catch (error) {
    if (isWrongPassword(error)) {
      const instansiId = await homeInstansiOf(db, actor.userId);
      await db.$transaction((tx) => writeAudit(tx, context, { action: `${command.name}-failed`, entityType: "User", entityId: actor.userId, instansiId, after: { reason: "wrong_password" } }));
    } else {
      await markAttemptSucceeded(db, reservation.attemptId);
    }
    throw error;
  }
}

const WRONG_PASSWORD = "wrong_password";

/** The refusal of a command with checksPassword when the password given is not the account's. */
export function wrongPasswordError(field: string, message: Message): AppError {
  return new AppError("validation_failed", { details: [{ field, code: WRONG_PASSWORD, message }] });
}

function isWrongPassword(error: unknown): boolean {
  return error instanceof AppError && error.details.some((detail) => detail.code === WRONG_PASSWORD);
}
