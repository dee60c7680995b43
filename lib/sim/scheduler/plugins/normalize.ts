// Mirrors pkg/scheduler/framework/plugins/helper/normalize_score.go (DefaultNormalizeScore): scale to
// [0, maxPriority] by the highest score, optionally reversed (fewer is better).
export function defaultNormalizeScore(maxPriority: number, reverse: boolean, scores: number[]): number[] {
  const maxCount = Math.max(0, ...scores);
  if (maxCount === 0) return scores.map((s) => (reverse ? maxPriority : s));
  return scores.map((s) => {
    const v = Math.trunc((maxPriority * s) / maxCount);
    return reverse ? maxPriority - v : v;
  });
}
