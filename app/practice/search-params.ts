// The /practice list's filters from the URL: each parameter is validated on its own with the data
// layer's schema, so one bad value (a stale bookmark, a hand-edited link) drops just that filter
// instead of failing the page.
import { ZPracticeFilters, type TPracticeFilters } from "@/lib/server/question-bank";

export type TRawSearchParams = Record<string, string | string[] | undefined>;

const FIELDS = Object.keys(ZPracticeFilters.shape) as (keyof TPracticeFilters)[];

export function parsePracticeFilters(raw: TRawSearchParams): TPracticeFilters {
  const filters: Record<string, unknown> = {};
  for (const field of FIELDS) {
    const value = raw[field];
    const first = Array.isArray(value) ? value[0] : value;
    if (first === undefined || first.trim() === "") continue;
    const parsed = ZPracticeFilters.shape[field].safeParse(first);
    if (parsed.success && parsed.data !== undefined) filters[field] = parsed.data;
  }
  return filters as TPracticeFilters;
}

/** The list URL with `changes` applied to `filters` (undefined removes a filter). */
export function practiceHref(filters: TPracticeFilters, changes: Partial<Record<keyof TPracticeFilters, string | undefined>> = {}): string {
  const params = new URLSearchParams();
  const merged: Record<string, string | undefined> = { ...filters, ...changes };
  for (const field of FIELDS) {
    const value = merged[field];
    if (value) params.set(field, value);
  }
  const query = params.toString();
  return query ? `/practice?${query}` : "/practice";
}
