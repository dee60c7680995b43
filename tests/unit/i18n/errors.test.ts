// The error table: every code has an HTTP status and a message in both languages, and failures render
// in the caller's language with their field errors.
import { describe, expect, it } from "vitest";
import { AppError, ERROR_TABLE, httpStatusOf, toFailure, type ErrorCode } from "@/lib/errors";
import { createTranslator } from "@/lib/i18n";

describe("lib/errors", () => {
  it("maps each code to its status", () => {
    expect(Object.fromEntries(Object.keys(ERROR_TABLE).map((code) => [code, httpStatusOf(code as ErrorCode)]))).toEqual({
      UNAUTHENTICATED: 401,
      FORBIDDEN: 403,
      NOT_FOUND: 404,
      VALIDATION: 400,
      CONFLICT: 409,
      RATE_LIMITED: 429,
      INTERNAL: 500,
    });
  });

  it("has a distinct, non-empty message for every code in both languages", () => {
    for (const locale of ["en", "zh"] as const) {
      const t = createTranslator(locale);
      const messages = Object.values(ERROR_TABLE).map((entry) => t(entry.messageKey));
      expect(new Set(messages).size).toBe(messages.length);
      expect(messages.every((message) => message.length > 0)).toBe(true);
    }
  });

  it("renders a failure in the caller's language, with field errors", () => {
    const error = new AppError("VALIDATION", { messageKey: "auth.formErrors", fieldErrors: { password: "password.common" } });
    expect(error.status).toBe(400);
    expect(toFailure(error, "en")).toEqual({
      ok: false,
      code: "VALIDATION",
      message: "Please correct the highlighted fields.",
      fieldErrors: { password: "This password is too common. Choose something harder to guess." },
    });
    expect(toFailure(new AppError("RATE_LIMITED", { params: { minutes: 7 } }), "zh")).toEqual({
      ok: false,
      code: "RATE_LIMITED",
      message: "请求过于频繁，请在 7 分钟后重试。",
    });
  });
});
