// kubectl set selector (-f FILENAME | TYPE NAME) EXPRESSIONS: replaces a Service's spec.selector.
// Mirrors staging/src/k8s.io/kubectl/pkg/cmd/set/set_selector.go: the last argument is the selector,
// only equality requirements are accepted (Services select by labels, not expressions), and only
// Services have a selector to set.
import type { CommandContext } from "../session";
import type { ParsedArgs } from "../cli/flags";
import { clone } from "../../core/types";
import { collectTargets } from "./edit-objects";
import { parseOutput } from "./output";
import { dryRunMode, dryRunSuffix, formatSimError, kindName } from "./util";
import { printObjects } from "../printers";

// apimachinery validation.IsValidLabelValue: "", or alphanumerics with '-', '_', '.' inside, ≤ 63.
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;
const LABEL_VALUE_MESSAGE =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";

type ParsedSelector = { ok: true; labels: Record<string, string> } | { ok: false; error: string };

/** metav1.ParseToLabelSelector restricted to what set selector accepts (key=value, key==value). */
export function parseSelectorExpression(text: string): ParsedSelector {
  const labels: Record<string, string> = {};
  for (const raw of splitRequirements(text)) {
    const part = raw.trim();
    if (part === "") continue;
    const eq = /^([^=!\s]+)\s*==?\s*([^=!\s]*)$/.exec(part);
    // ParseToLabelSelector knows no "!=" (it converts to LabelSelectorOperator, which lacks it).
    if (/^[^=!\s]+\s*!=/.test(part)) return { ok: false, error: `error: "!=" is not a valid label selector operator\n` };
    if (!eq) {
      // Expressions (in, notin, !=, exists) parse, then are refused for Services.
      const m = /^(\S+?)\s*(!=|\s+in\s+|\s+notin\s+)\s*\(?([^)]*)\)?$/.exec(part);
      const key = m ? m[1] : part.replace(/^!/, "");
      const op = m ? (m[2].trim() === "!=" ? "!=" : m[2].trim() === "in" ? "In" : "NotIn") : part.startsWith("!") ? "DoesNotExist" : "Exists";
      const values = m ? m[3].split(",").map((v) => v.trim()).filter(Boolean) : [];
      return { ok: false, error: `error: match expression [{${key} ${op} [${values.join(" ")}]}] not supported on this object\n` };
    }
    const [, key, value] = eq;
    if (value.length > 63 || !LABEL_VALUE.test(value)) {
      return { ok: false, error: `error: couldn't parse the selector string "${text}": unable to parse requirement: values[0][${key}]: Invalid value: "${value}": ${value.length > 63 ? "must be no more than 63 characters" : LABEL_VALUE_MESSAGE}\n` };
    }
    labels[key] = value;
  }
  return { ok: true, labels };
}

/** Splits on commas outside parentheses: "app in (a,b),tier=fe" → ["app in (a,b)", "tier=fe"]. */
function splitRequirements(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = "";
  for (const ch of text) {
    if (ch === "(") depth++;
    if (ch === ")") depth = Math.max(0, depth - 1);
    if (ch === "," && depth === 0) {
      parts.push(current);
      current = "";
    } else current += ch;
  }
  parts.push(current);
  return parts;
}

export function runSetSelector(ctx: CommandContext, p: ParsedArgs): number {
  if (p.args.length === 0) {
    ctx.err("error: one selector is required\n");
    return 1;
  }
  const dry = dryRunMode(p.flags["dry-run"]);
  if (!dry.ok) {
    ctx.err(dry.error);
    return 1;
  }
  const selectorText = p.args[p.args.length - 1];
  const selector = parseSelectorExpression(selectorText);
  if (!selector.ok) {
    ctx.err(selector.error);
    return 1;
  }
  const found = collectTargets(ctx, p, p.args.slice(0, -1));
  if (!found.ok) {
    ctx.err(found.error);
    return 1;
  }
  const out = parseOutput(p.flags.output);
  const local = Boolean(p.flags.local);
  const resourceVersion = (p.flags["resource-version"] as string | undefined) ?? "";
  let exit = 0;
  for (const { info, obj } of found.targets) {
    if (obj.kind !== "Service") {
      ctx.err("error: setting a selector is only supported for Services\n");
      exit = 1;
      continue;
    }
    const next = clone(obj);
    (next as { spec?: { selector?: Record<string, string> } }).spec = { ...((next as { spec?: object }).spec ?? {}), selector: selector.labels };
    let result = next;
    if (!local && dry.mode === "none") {
      if (resourceVersion && resourceVersion !== obj.metadata.resourceVersion) {
        ctx.err(`Error from server (Conflict): Operation cannot be fulfilled on services "${obj.metadata.name}": the object has been modified; please apply your changes to the latest version and try again\n`);
        exit = 1;
        continue;
      }
      const r = ctx.cluster.update(next);
      if (!r.ok) {
        ctx.err(formatSimError(r.error));
        exit = 1;
        continue;
      }
      result = r.object;
    }
    if (out.ok && out.output.kind === "structured") {
      const printed = printObjects([result], out.output.format, {});
      if (printed.ok) ctx.out(printed.text);
    } else ctx.out(`${kindName(info, obj.metadata.name!)} selector updated${dryRunSuffix(dry.mode)}\n`);
  }
  return exit;
}
