// What makes a new password acceptable: at least 10 characters, not a common password
// (also not one with digits or symbols tacked on), not a keyboard or counting run, not
// one repeated character, not the account's own email or name (also with digits or
// separators around or inside it), and not the published demo password where the demo
// data was never loaded.
import { COMMON_PASSWORDS, SEQUENCES } from "./common-passwords";

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 200;

/** Every demo account's password, printed in the README: known to everyone. */
export const DEMO_PASSWORD = "SpbeDemo#2026";

export type PasswordProblem = "too_short" | "too_long" | "common" | "predictable" | "personal";

function core(password: string): string {
  return password.toLowerCase().replace(/^[^a-z]+|[^a-z]+$/g, "");
}

function isRun(lower: string): boolean {
  if (/^(.)\1+$/.test(lower)) return true;
  return SEQUENCES.some((sequence) => sequence.includes(lower) || [...sequence].reverse().join("").includes(lower));
}

const lettersOf = (text: string) => text.toLowerCase().replace(/[^\p{L}]+/gu, "");

/** The person's email name and name as letters only, whole and word by word (words of 4 letters or more). */
function personalWords(owner: { email?: string; name?: string }): string[] {
  const local = owner.email?.split("@")[0] ?? "";
  const name = owner.name ?? "";
  const words = [local, name, ...local.split(/[^\p{L}]+/u), ...name.split(/[^\p{L}]+/u)].map(lettersOf);
  return words.filter((word) => word.length >= 4);
}

export function passwordProblem(
  password: string,
  owner: { email?: string; name?: string } = {},
  options: { demoDataLoaded?: boolean } = {},
): PasswordProblem | null {
  if ([...password].length < PASSWORD_MIN_LENGTH) return "too_short";
  if ([...password].length > PASSWORD_MAX_LENGTH) return "too_long";
  const lower = password.toLowerCase();
  const stripped = core(password);
  if (COMMON_PASSWORDS.has(lower) || COMMON_PASSWORDS.has(stripped) || COMMON_PASSWORDS.has(stripped.replace(/\s+/g, ""))) return "common";
  if (options.demoDataLoaded === false && lower === DEMO_PASSWORD.toLowerCase()) return "common";
  if (isRun(lower) || (stripped.length >= 3 && isRun(stripped) && stripped.length * 2 >= lower.length)) return "predictable";
  // "siti.aminah2026", "2026-Siti_Aminah!", "aminah2026!!": the name with only digits and separators added.
  const letters = lettersOf(password);
  if (letters.length > 0 && personalWords(owner).includes(letters)) return "personal";
  return null;
}
