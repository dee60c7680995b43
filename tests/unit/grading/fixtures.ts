// Questions built in code for the grader tests (parsed through the real schema, so defaults apply).
import { readFileSync } from "node:fs";
import path from "node:path";
import yaml from "js-yaml";
import { ZQuestion, type TQuestion, type TSimQuestion } from "@/lib/questions/schema";

const COMMON = {
  objectives: ["restart-policy.values.default-always"],
  difficulty: "easy",
  prompt: { zh: "题目", en: "Prompt" },
  explanation: { zh: "解释", en: "Explanation" },
  sources: ["003_6d1f2f67c12c14ba.txt#4.7.5 Pod中容器重启策略"],
};

export function question(fields: Record<string, unknown>): TQuestion {
  return ZQuestion.parse({ id: "restart-policy/test", topic: "restart-policy", ...COMMON, ...fields });
}

const WRONG = [
  { fails: ["exists"], commands: "kubectl get pods" },
  { fails: ["exists"], commands: "kubectl get pods" },
];

/** A simulator task with the given checks; tests only need what they grade. */
export function simTask(fields: Record<string, unknown> & { checks: unknown[] }): TSimQuestion {
  return question({
    type: "manifest",
    task: {},
    solution: { manifest: "kind: Pod" },
    tests: { wrong: WRONG, invalid: { manifest: "[" } },
    ...fields,
  }) as TSimQuestion;
}

export function bankQuestion(file: string): TQuestion {
  const text = readFileSync(path.join(process.cwd(), "questions", file), "utf8");
  return ZQuestion.parse(yaml.load(text));
}

export const pod = (name: string, spec: string) => `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
spec:
${spec
  .trim()
  .split("\n")
  .map((l) => `  ${l}`)
  .join("\n")}
`;

export const text = (en: string) => ({ zh: en, en });
