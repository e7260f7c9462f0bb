// What makes a new password acceptable: at least 10 characters, not a common password
// (also not one with digits or symbols tacked on), not a keyboard or counting run, not
// one repeated character, and not the account's own email or name.
import { COMMON_PASSWORDS, SEQUENCES } from "./common-passwords";

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 200;

export type PasswordProblem = "too_short" | "too_long" | "common" | "predictable" | "personal";

function core(password: string): string {
  return password.toLowerCase().replace(/^[^a-z]+|[^a-z]+$/g, "");
}

function isRun(lower: string): boolean {
  if (/^(.)\1+$/.test(lower)) return true;
  return SEQUENCES.some((sequence) => sequence.includes(lower) || [...sequence].reverse().join("").includes(lower));
}

export function passwordProblem(password: string, owner: { email?: string; name?: string } = {}): PasswordProblem | null {
  if ([...password].length < PASSWORD_MIN_LENGTH) return "too_short";
  if ([...password].length > PASSWORD_MAX_LENGTH) return "too_long";
  const lower = password.toLowerCase();
  const stripped = core(password);
  if (COMMON_PASSWORDS.has(lower) || COMMON_PASSWORDS.has(stripped) || COMMON_PASSWORDS.has(stripped.replace(/\s+/g, ""))) return "common";
  if (isRun(lower) || (stripped.length >= 3 && isRun(stripped) && stripped.length * 2 >= lower.length)) return "predictable";
  const personal = [owner.email?.split("@")[0], owner.name?.replace(/\s+/g, "")]
    .map((part) => part?.toLowerCase() ?? "")
    .filter((part) => part.length >= 4);
  if (personal.some((part) => stripped.replace(/\s+/g, "") === part || lower === part)) return "personal";
  return null;
}
