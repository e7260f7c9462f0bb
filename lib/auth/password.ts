// Password hashing for accounts that sign in with email and password.
import { randomInt } from "node:crypto";
import { hash, parseOptions, verify, type Algorithm, type Options } from "@node-rs/argon2";

// `Algorithm` is an ambient const enum, which isolatedModules cannot read as a value:
// 2 is Algorithm.Argon2id in @node-rs/argon2's declarations.
const ARGON2ID: Algorithm = 2;

/**
 * argon2id with the OWASP Password Storage Cheat Sheet baseline (19 MiB, 2 passes, 1 lane).
 * Spelled out instead of relying on library defaults, so an upgrade of @node-rs/argon2
 * cannot silently weaken (or slow down) new hashes. Each parameter is also written into
 * the PHC string, so old hashes keep verifying after these numbers change.
 */
export const PASSWORD_HASH_OPTIONS = Object.freeze({
  algorithm: ARGON2ID,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
  outputLen: 32,
} satisfies Options);

export async function hashPassword(plain: string): Promise<string> {
  return hash(plain, PASSWORD_HASH_OPTIONS);
}

/**
 * True only when `plain` matches. A malformed or foreign hash string is a "no", not an
 * exception: sign-in must fail closed without turning a bad row into a 500.
 */
export async function verifyPassword(passwordHash: string, plain: string): Promise<boolean> {
  try {
    return await verify(passwordHash, plain);
  } catch {
    return false;
  }
}

/** True when the hash was made with other parameters than today's: rehash after a successful sign-in. */
export function needsRehash(passwordHash: string): boolean {
  try {
    const used = parseOptions(passwordHash);
    return (
      used.algorithm !== PASSWORD_HASH_OPTIONS.algorithm ||
      used.memoryCost !== PASSWORD_HASH_OPTIONS.memoryCost ||
      used.timeCost !== PASSWORD_HASH_OPTIONS.timeCost ||
      used.parallelism !== PASSWORD_HASH_OPTIONS.parallelism ||
      used.outputLen !== PASSWORD_HASH_OPTIONS.outputLen
    );
  } catch {
    return true;
  }
}

const TEMPORARY_ALPHABET = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

/** A one-time password an administrator hands over in person: 3 groups of 4 (about 70 bits), no look-alike characters. */
export function generateTemporaryPassword(): string {
  const groups = Array.from({ length: 3 }, () => Array.from({ length: 4 }, () => TEMPORARY_ALPHABET[randomInt(TEMPORARY_ALPHABET.length)]).join(""));
  return groups.join("-");
}
