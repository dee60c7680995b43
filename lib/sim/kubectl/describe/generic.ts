// Mirrors kubectl describe's genericDescriber (staging/src/k8s.io/kubectl/pkg/describe/describe.go:
// printUnstructuredContent, smartLabelFor with fatih/camelcase), used for kinds without a dedicated describer
// (events, ingresses, network policies, roles, …).
import type { KubeObject, ObjectReader } from "../format/kube-object";
import { goSprint } from "../format/jsonpath";
import { describeEvents, printAnnotationsMultiline, printLabelsMultiline, searchEvents } from "./common";
import type { DescribeOptions } from "./pod";
import { LEVEL_0, PrefixWriter } from "./writer";

type CharClass = "lower" | "upper" | "digit" | "other";

function charClass(ch: string): CharClass {
  if (/\p{Ll}/u.test(ch)) return "lower";
  if (/\p{Lu}/u.test(ch)) return "upper";
  if (/\p{Nd}/u.test(ch)) return "digit";
  return "other";
}

/** fatih/camelcase.Split: "apiVersion" → [api Version], "podIP" → [pod IP], "HTTPServer" → [HTTP Server]. */
export function camelcaseSplit(s: string): string[] {
  const runs: string[][] = [];
  let last: CharClass | undefined;
  for (const ch of s) {
    const cls = charClass(ch);
    if (cls === last) runs[runs.length - 1].push(ch);
    else runs.push([ch]);
    last = cls;
  }
  // An upper-case run followed by a lower-case run gives its last letter to the lower-case run.
  for (let i = 0; i < runs.length - 1; i++) {
    if (charClass(runs[i][0]) === "upper" && charClass(runs[i + 1][0]) === "lower") {
      runs[i + 1] = [runs[i][runs[i].length - 1], ...runs[i + 1]];
      runs[i] = runs[i].slice(0, -1);
    }
  }
  return runs.filter((r) => r.length > 0).map((r) => r.join(""));
}

const COMMON_ACRONYMS = ["API", "URL", "UID", "OSB", "GUID"];

export function smartLabelFor(field: string): string {
  if (/[^\p{L}-]/u.test(field)) return field;
  return camelcaseSplit(field)
    .filter((part) => part !== "-")
    .map((part) => (COMMON_ACRONYMS.includes(part.toUpperCase()) ? part.toUpperCase() : part.charAt(0).toUpperCase() + part.slice(1)))
    .join(" ");
}

function printUnstructuredContent(w: PrefixWriter, level: number, content: Record<string, unknown>, skipPrefix: string, skip: string[]): void {
  for (const field of Object.keys(content).sort()) {
    const value = content[field];
    const skipExpr = `${skipPrefix}.${field}`;
    if (skip.includes(skipExpr)) continue;
    if (value !== null && typeof value === "object" && !Array.isArray(value)) {
      w.write(level, `${smartLabelFor(field)}:\n`);
      printUnstructuredContent(w, level + 1, value as Record<string, unknown>, skipExpr, skip);
    } else if (Array.isArray(value)) {
      w.write(level, `${smartLabelFor(field)}:\n`);
      for (const child of value) {
        if (child !== null && typeof child === "object" && !Array.isArray(child)) {
          printUnstructuredContent(w, level + 1, child as Record<string, unknown>, skipExpr, skip);
        } else w.write(level + 1, `${goSprint(child)}\n`);
      }
    } else w.write(level, `${smartLabelFor(field)}:\t${goSprint(value)}\n`);
  }
}

export function describeGeneric(object: KubeObject, reader: ObjectReader, opts: DescribeOptions): string {
  const w = new PrefixWriter();
  w.write(LEVEL_0, `Name:\t${object.metadata?.name ?? ""}\n`);
  w.write(LEVEL_0, `Namespace:\t${object.metadata?.namespace ?? ""}\n`);
  printLabelsMultiline(w, "Labels", object.metadata?.labels);
  printAnnotationsMultiline(w, "Annotations", object.metadata?.annotations);
  const content = JSON.parse(JSON.stringify(object)) as Record<string, unknown>;
  printUnstructuredContent(w, LEVEL_0, content, "", [
    ".metadata.managedFields",
    ".metadata.name",
    ".metadata.namespace",
    ".metadata.labels",
    ".metadata.annotations",
  ]);
  if (opts.showEvents !== false) describeEvents(searchEvents(reader, object, object.kind), w, opts.now);
  return w.toString();
}
