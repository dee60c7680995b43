// The closed set of application error codes: one table maps each to its HTTP status and message key.
// Expected failures are returned as ActionFailure values; anything else is logged and shown as INTERNAL.
import { createTranslator, type Locale, type MessageKey, type MessageParams } from "./i18n";

export const ERROR_TABLE = {
  UNAUTHENTICATED: { status: 401, messageKey: "error.unauthenticated" },
  FORBIDDEN: { status: 403, messageKey: "error.forbidden" },
  NOT_FOUND: { status: 404, messageKey: "error.notFound" },
  VALIDATION: { status: 400, messageKey: "error.validation" },
  CONFLICT: { status: 409, messageKey: "error.conflict" },
  RATE_LIMITED: { status: 429, messageKey: "error.rateLimited" },
  INTERNAL: { status: 500, messageKey: "error.internal" },
} as const satisfies Record<string, { status: number; messageKey: MessageKey }>;

export type ErrorCode = keyof typeof ERROR_TABLE;

export type FieldErrors = Partial<Record<string, MessageKey>>;

// An expected failure. `messageKey` refines the code's default message (e.g. RATE_LIMITED with
// "auth.rateLimited"); `fieldErrors` names the form fields at fault.
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly messageKey: MessageKey;
  readonly params?: MessageParams;
  readonly fieldErrors?: FieldErrors;

  constructor(
    code: ErrorCode,
    options: { messageKey?: MessageKey; params?: MessageParams; fieldErrors?: FieldErrors; cause?: unknown } = {},
  ) {
    super(code, { cause: options.cause });
    this.name = "AppError";
    this.code = code;
    this.messageKey = options.messageKey ?? ERROR_TABLE[code].messageKey;
    this.params = options.params;
    this.fieldErrors = options.fieldErrors;
  }

  get status(): number {
    return ERROR_TABLE[this.code].status;
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}

export type ActionFailure = {
  ok: false;
  code: ErrorCode;
  message: string;
  fieldErrors?: Record<string, string>;
};
export type ActionResult<T extends object = object> = ({ ok: true } & T) | ActionFailure;

export function httpStatusOf(code: ErrorCode): number {
  return ERROR_TABLE[code].status;
}

// Renders an AppError in the caller's language; used by actions and route handlers alike.
export function toFailure(error: AppError, locale: Locale): ActionFailure {
  const t = createTranslator(locale);
  const failure: ActionFailure = { ok: false, code: error.code, message: t(error.messageKey, error.params) };
  if (error.fieldErrors) {
    failure.fieldErrors = {};
    for (const [field, key] of Object.entries(error.fieldErrors)) {
      if (key) failure.fieldErrors[field] = t(key);
    }
  }
  return failure;
}
