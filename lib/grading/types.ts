// The grader's result types: the contract between lib/grading, the server (which stores them with
// each answer) and the result view. See /work/helpers/BANK.md "Types".
import type { TText } from "../questions/schema";
import type { TimelineEntry } from "../sim";

export type TCheckResult = {
  id: string;
  passed: boolean;
  weight: number;
  /** weight when passed, else 0 (multiple-choice partial credit: the choice's share). */
  earned: number;
  description: TText;
  /** Only on a failed check: the question's nudge (or a wrong choice's feedback). */
  feedback?: TText;
  expected: string;
  observed: string;
  /** Object reference and field path ("pod/web spec.restartPolicy"), or the choice/blank/item id. */
  where: string;
  /** Virtual seconds after the answer at which the check was evaluated (simulator tasks). */
  at?: number;
};

export type TEventRow = {
  type: string;
  reason: string;
  /** kubectl-style reference of the involved object, e.g. "pod/web". */
  object: string;
  message: string;
  count: number;
  /** Virtual seconds relative to the answer (negative: during setup). */
  firstSeen: number;
  lastSeen: number;
};

export type TSimReport = {
  /** `kubectl get events` in the task's namespace, as printed. */
  events: string;
  eventsRows: TEventRow[];
  /** Pod phase/readiness/restarts over virtual time (`at` in virtual epoch milliseconds). */
  timeline: TimelineEntry[];
  /** `kubectl get` of every object the checks look at, as printed. */
  get: string;
  /** `kubectl describe` of each checked object. */
  describe: { ref: string; text: string }[];
  /** What applying the manifest and running the commands printed. */
  answerOutput: { stdout: string; stderr: string };
  /** One line per applied object (`pod/web created`) or rejection (Kubernetes' message). */
  applyMessages: string[];
  seed: number;
  /** Virtual seconds from the answer to the last check. */
  virtualSeconds: number;
  /** Virtual epoch milliseconds at which the answer was applied (timeline entries are relative to it). */
  answerAt: number;
};

export type TGradeResult =
  | { status: "graded"; score: number; maxScore: number; percent: number; checks: TCheckResult[]; report?: TSimReport }
  | { status: "invalid"; reason: TText; details: string[] }
  | { status: "error"; code: "timeout" | "limit" | "internal"; message: TText };

export type TGradeOptions = {
  seed: number;
  /** Wall-clock budget in milliseconds for a simulator task (default 2000). */
  budgetMs?: number;
  /** Build the report (events, describe, …). Default true; the bank self-test skips it for speed. */
  report?: boolean;
};

export type TPrecheckResult = { ok: true; objects: string[] } | { ok: false; errors: string[] };

export type TEditorDiagnostic = { line: number; column: number; message: string };
