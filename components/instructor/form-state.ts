// What the instructor forms' server actions return to ActionForm: nothing yet, done (with optional
// lines to show, e.g. a regrade report), or a failure message in the user's language.
export type TFormState = { status: "idle" } | { status: "ok"; message?: string; lines?: string[] } | { status: "error"; message: string };

export const IDLE: TFormState = { status: "idle" };
