// Go formatting the kubelet's messages depend on: time.Duration.String() ("10s", "1m20s", "5m0s",
// "2.345s", "512ms") and format.Pod ("web_default(<uid>)").

/** time.Duration.String() for a duration in milliseconds. */
export function goDuration(ms: number): string {
  if (ms === 0) return "0s";
  const neg = ms < 0;
  let rest = Math.abs(Math.round(ms * 1_000_000)); // nanoseconds
  const sign = neg ? "-" : "";
  if (rest < 1_000_000_000) {
    // Sub-second: the largest unit that keeps the integer part non-zero.
    if (rest < 1000) return `${sign}${rest}ns`;
    if (rest < 1_000_000) return `${sign}${trimFraction(rest / 1000)}µs`;
    return `${sign}${trimFraction(rest / 1_000_000)}ms`;
  }
  const h = Math.floor(rest / 3_600_000_000_000);
  rest -= h * 3_600_000_000_000;
  const m = Math.floor(rest / 60_000_000_000);
  rest -= m * 60_000_000_000;
  const s = trimFraction(rest / 1_000_000_000);
  if (h > 0) return `${sign}${h}h${m}m${s}s`;
  if (m > 0) return `${sign}${m}m${s}s`;
  return `${sign}${s}s`;
}

function trimFraction(v: number): string {
  // Go prints up to 9 fractional digits without trailing zeros.
  const text = v.toFixed(9).replace(/\.?0+$/, "");
  return text === "" ? "0" : text;
}

/** pkg/kubelet/util/format.Pod: `name_namespace(uid)`. */
export function formatPod(pod: { metadata: { name?: string; namespace?: string; uid?: string } }): string {
  return `${pod.metadata.name}_${pod.metadata.namespace}(${pod.metadata.uid})`;
}

/** RFC 3339 with nanoseconds and trailing zeros trimmed (Go's time.RFC3339Nano), for `logs --timestamps`. */
export function formatRFC3339Nano(ms: number, formatTime: (ms: number) => string): string {
  const base = formatTime(ms).slice(0, -1);
  const frac = Math.round((ms - Math.floor(ms / 1000) * 1000) * 1_000_000);
  if (frac === 0) return `${base}Z`;
  return `${base}.${String(frac).padStart(9, "0").replace(/0+$/, "")}Z`;
}
