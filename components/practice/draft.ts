// The learner's answer while they work on it ("draft"), per question type, and its conversion to the
// answer the server grades. Drafts are kept in localStorage under the attempt's id, so a reload or a
// crashed tab loses nothing; a stored draft that no longer fits the question is ignored.
import type { TAnswer } from "@/lib/questions/schema";
import type { TClientQuestion } from "@/lib/questions/present";

export type TDraft =
  | { type: "single-choice"; choice: string | null }
  | { type: "multiple-choice"; choices: string[] }
  | { type: "true-false"; value: boolean | null }
  | { type: "fill-in"; blanks: Record<string, string> }
  | { type: "ordering"; order: string[] }
  | { type: "matching"; pairs: Record<string, string> }
  | { type: "sim"; manifest: string; commands: string };

export function initialDraft(question: TClientQuestion): TDraft {
  switch (question.type) {
    case "single-choice":
      return { type: "single-choice", choice: null };
    case "multiple-choice":
      return { type: "multiple-choice", choices: [] };
    case "true-false":
      return { type: "true-false", value: null };
    case "fill-in":
      return { type: "fill-in", blanks: Object.fromEntries(question.blanks.map((b) => [b.id, ""])) };
    case "ordering":
      return { type: "ordering", order: question.items.map((i) => i.id) };
    case "matching":
      return { type: "matching", pairs: {} };
    default:
      return { type: "sim", manifest: question.task.answer === "commands" ? "" : (question.task.starter ?? ""), commands: "" };
  }
}

/** The draft as a graded answer; null while nothing has been answered (Submit stays disabled). */
export function draftToAnswer(draft: TDraft): TAnswer | null {
  switch (draft.type) {
    case "single-choice":
      return draft.choice === null ? null : { type: "single-choice", choice: draft.choice };
    case "multiple-choice":
      return { type: "multiple-choice", choices: [...draft.choices] };
    case "true-false":
      return draft.value === null ? null : { type: "true-false", value: draft.value };
    case "fill-in":
      return Object.values(draft.blanks).every((v) => v.trim() === "") ? null : { type: "fill-in", blanks: { ...draft.blanks } };
    case "ordering":
      return { type: "ordering", order: [...draft.order] };
    case "matching":
      return Object.keys(draft.pairs).length === 0 ? null : { type: "matching", pairs: { ...draft.pairs } };
    case "sim": {
      const manifest = draft.manifest.trim() ? draft.manifest : undefined;
      const commands = draft.commands.trim() ? draft.commands : undefined;
      return manifest || commands ? { type: "sim", ...(manifest ? { manifest } : {}), ...(commands ? { commands } : {}) } : null;
    }
  }
}

export function draftStorageKey(attemptId: string): string {
  return `kubedrill:practice:draft:${attemptId}`;
}

function sameIds(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && [...a].sort().join("\n") === [...b].sort().join("\n");
}

/** A stored draft, if it parses and still fits the question (same type, same ids); else null. */
export function restoreDraft(stored: string | null, question: TClientQuestion): TDraft | null {
  if (!stored) return null;
  let value: unknown;
  try {
    value = JSON.parse(stored);
  } catch {
    return null;
  }
  if (!value || typeof value !== "object") return null;
  const draft = value as TDraft;
  const fresh = initialDraft(question);
  if (draft.type !== fresh.type) return null;
  const isStringRecord = (r: unknown) => !!r && typeof r === "object" && Object.values(r).every((v) => typeof v === "string");
  switch (draft.type) {
    case "single-choice":
      return question.type === "single-choice" && (draft.choice === null || question.choices.some((c) => c.id === draft.choice)) ? draft : null;
    case "multiple-choice":
      return question.type === "multiple-choice" && Array.isArray(draft.choices) && draft.choices.every((id) => question.choices.some((c) => c.id === id))
        ? draft
        : null;
    case "true-false":
      return draft.value === null || typeof draft.value === "boolean" ? draft : null;
    case "fill-in":
      return question.type === "fill-in" && isStringRecord(draft.blanks) && sameIds(Object.keys(draft.blanks), question.blanks.map((b) => b.id)) ? draft : null;
    case "ordering":
      return question.type === "ordering" && Array.isArray(draft.order) && sameIds(draft.order, question.items.map((i) => i.id)) ? draft : null;
    case "matching":
      return question.type === "matching" && isStringRecord(draft.pairs) ? draft : null;
    case "sim":
      return typeof draft.manifest === "string" && typeof draft.commands === "string" ? draft : null;
  }
}

/** Moves the item at `from` to `to` (both clamped), for the ordering question's buttons and drag. */
export function moveItem<T>(list: readonly T[], from: number, to: number): T[] {
  const out = [...list];
  if (from < 0 || from >= out.length) return out;
  const target = Math.max(0, Math.min(out.length - 1, to));
  const [item] = out.splice(from, 1);
  out.splice(target, 0, item);
  return out;
}
