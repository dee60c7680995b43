// The password policy for new accounts.
import { describe, expect, it } from "vitest";
import { checkPassword } from "@/lib/auth/password-policy";

const EMAIL = "grace.hopper@example.test";

describe("checkPassword", () => {
  it.each([
    ["", "password.tooShort"],
    ["nine-char", "password.tooShort"],
    ["密码密码密码密码密", "password.tooShort"],
    ["x".repeat(129), "password.tooLong"],
    [EMAIL, "password.sameAsEmail"],
    ["Grace.Hopper@Example.TEST", "password.sameAsEmail"],
    ["grace.hopper", "password.sameAsEmail"],
    ["password123", "password.common"],
    ["Password123", "password.common"],
    ["qwertyuiop", "password.common"],
    ["1234567890", "password.common"],
    ["aaaaaaaaaaaa", "password.common"],
    ["abcdefghijkl", "password.common"],
    ["9876543210", "password.common"],
    ["kubernetes", "password.common"],
  ])("%j → %s", (password, problem) => {
    expect(checkPassword(password, EMAIL)).toBe(problem);
  });

  it.each(["correct horse battery", "Kd-e2e-xyz-pw-2030", "密码是一串很长的中文字符", "kd7-".repeat(32), "grace.hopper.2030!"])("accepts %j", (password) => {
    expect(checkPassword(password, EMAIL)).toBeNull();
  });
});
