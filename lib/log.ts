// Structured JSON logs, one object per line on stdout: { level, time, msg, ...fields }.
// LOG_LEVEL is read from process.env directly rather than through lib/env, because logging must keep
// working while the configuration itself is being reported as invalid.
export type LogLevel = "debug" | "info" | "warn" | "error";
export type LogFields = Record<string, unknown>;

const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

// Field names whose values never reach a log line, whatever their nesting depth.
const SECRET_KEY = /pass(word)?|secret|token|hash|cookie|authorization|credential/i;

function threshold(): number {
  const level = process.env.LOG_LEVEL as LogLevel | undefined;
  return level && level in ORDER ? ORDER[level] : ORDER.info;
}

export function redact(value: unknown, depth = 0): unknown {
  if (depth > 6) return "[depth]";
  if (value instanceof Error) {
    return { name: value.name, message: value.message, stack: value.stack };
  }
  if (Array.isArray(value)) return value.map((item) => redact(item, depth + 1));
  if (value && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value)) {
      out[key] = SECRET_KEY.test(key) ? "[redacted]" : redact(inner, depth + 1);
    }
    return out;
  }
  return value;
}

function write(level: LogLevel, msg: string, fields?: LogFields): void {
  if (ORDER[level] < threshold()) return;
  const line = { level, time: new Date().toISOString(), msg, ...(redact(fields ?? {}) as LogFields) };
  process.stdout.write(`${JSON.stringify(line)}\n`);
}

export const log = {
  debug: (msg: string, fields?: LogFields) => write("debug", msg, fields),
  info: (msg: string, fields?: LogFields) => write("info", msg, fields),
  warn: (msg: string, fields?: LogFields) => write("warn", msg, fields),
  error: (msg: string, fields?: LogFields) => write("error", msg, fields),
};
