// The -o/--output flag: table (default/wide) or one of kubectl's structured printers.
import type { OutputFormat } from "../printers";

export type Output = { kind: "table"; wide: boolean } | { kind: "structured"; format: OutputFormat };

const ALLOWED =
  "custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml";

export function parseOutput(value: unknown, opts: { tableAllowed?: boolean } = {}): { ok: true; output: Output } | { ok: false; error: string } {
  const v = value === undefined ? "" : String(value);
  if (v === "" && opts.tableAllowed !== false) return { ok: true, output: { kind: "table", wide: false } };
  if (v === "wide" && opts.tableAllowed !== false) return { ok: true, output: { kind: "table", wide: true } };
  if (v === "yaml" || v === "json" || v === "name") return { ok: true, output: { kind: "structured", format: v } };
  const eq = v.indexOf("=");
  const key = eq >= 0 ? v.slice(0, eq) : v;
  const arg = eq >= 0 ? v.slice(eq + 1) : "";
  if (key === "jsonpath" || key === "jsonpath-as-json") {
    if (!arg) return { ok: false, error: "error: template format specified but no template given\n" };
    return { ok: true, output: { kind: "structured", format: { jsonpath: arg } } };
  }
  if (key === "custom-columns") {
    if (!arg) return { ok: false, error: "error: custom-columns format specified but no custom columns given\n" };
    return { ok: true, output: { kind: "structured", format: { customColumns: arg } } };
  }
  return { ok: false, error: `error: unable to match a printer suitable for the output format "${v}", allowed formats are: ${ALLOWED}\n` };
}
