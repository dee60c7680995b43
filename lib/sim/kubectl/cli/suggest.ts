// cobra's "Did you mean this?" suggestions: Levenshtein distance ≤ 2, or a prefix match.
export function levenshtein(a: string, b: string): number {
  const dp = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = dp[0];
    dp[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = dp[j];
      dp[j] = Math.min(dp[j] + 1, dp[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return dp[b.length];
}

export function suggestCommands(typed: string, names: string[]): string[] {
  const lower = typed.toLowerCase();
  return names.filter((n) => levenshtein(lower, n) <= 2 || n.startsWith(lower));
}
