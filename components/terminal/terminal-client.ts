// The web terminal's conversation with POST /api/terminal: open the attempt's session (the server
// keeps the command log and rebuilds the cluster by replay, so a reload shows the same history) and
// run one line. Responses are validated: a malformed one is an error, not a crash.
import { z } from "zod";

// Shapes of lib/server/terminal.ts's TOpenTerminal and TCommandResult, as runRoute sends them.
export const ZHistoryEntry = z.object({ input: z.string(), output: z.string(), exitCode: z.number().int().nullable() });
export type THistoryEntry = z.infer<typeof ZHistoryEntry>;

const ZFailure = z.object({ ok: z.literal(false), message: z.string() });
const ZOpened = z.object({
  ok: z.literal(true),
  sessionId: z.string().min(1),
  history: z.array(ZHistoryEntry),
  prompt: z.object({ hostname: z.string(), namespace: z.string(), context: z.string().nullable() }),
  readOnly: z.boolean(),
});
const ZRan = z.object({ ok: z.literal(true), output: z.string(), exitCode: z.number().int() });

export type TerminalResult<T> = { ok: true; value: T } | { ok: false; message: string };

async function post<T>(body: object, schema: z.ZodType<T>, fallbackMessage: string): Promise<TerminalResult<T>> {
  let json: unknown;
  try {
    const response = await fetch("/api/terminal", {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json" },
      body: JSON.stringify(body),
    });
    json = await response.json();
  } catch {
    return { ok: false, message: fallbackMessage };
  }
  const failure = ZFailure.safeParse(json);
  if (failure.success) return { ok: false, message: failure.data.message };
  const parsed = schema.safeParse(json);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, message: fallbackMessage };
}

export function openTerminal(attemptId: string, fallbackMessage: string) {
  return post({ action: "open", attemptId }, ZOpened, fallbackMessage);
}

export function runTerminalLine(sessionId: string, line: string, fallbackMessage: string) {
  return post({ action: "run", sessionId, line }, ZRan, fallbackMessage);
}

/** kubectl prints "\n"; a terminal needs "\r\n" to return to column 0. */
export function toTerminalText(text: string): string {
  return text.replace(/\r?\n/g, "\r\n");
}

/** The here-document terminator a line opens (`kubectl apply -f - <<EOF`, `<<'EOF'`, `<<-END`), if any. */
export function heredocTerminator(line: string): string | null {
  const match = /<<-?\s*(['"]?)([A-Za-z_][A-Za-z0-9_]*)\1/.exec(line);
  return match ? match[2] : null;
}
