// The password rules for new accounts: 10–128 characters, not the account's email (or its local part),
// and not a well-known or trivially guessable password. Returns the message key of the first problem.
import { COMMON_PASSWORDS } from "./common-passwords";

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 128;

export type PasswordProblem = "password.tooShort" | "password.tooLong" | "password.sameAsEmail" | "password.common";

// "aaaaaaaaaa", "1234567890", "abcdefghijk", "9876543210": one repeated character or a run of
// consecutive code points in either direction.
function isTrivialSequence(value: string): boolean {
  const codes = [...value].map((char) => char.codePointAt(0) ?? 0);
  const steps = new Set(codes.slice(1).map((code, index) => code - codes[index]));
  return steps.size === 1 && [0, 1, -1].includes([...steps][0]);
}

export function checkPassword(password: string, email: string): PasswordProblem | null {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) return "password.tooShort";
  if (length > PASSWORD_MAX_LENGTH) return "password.tooLong";
  const lowered = password.trim().toLowerCase();
  const address = email.trim().toLowerCase();
  const localPart = address.split("@")[0] ?? "";
  if (lowered === address || (localPart.length > 0 && lowered === localPart)) return "password.sameAsEmail";
  if (COMMON_PASSWORDS.has(lowered) || isTrivialSequence(lowered)) return "password.common";
  return null;
}
