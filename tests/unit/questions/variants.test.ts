import { describe, expect, it } from "vitest";
import yaml from "js-yaml";
import { pickParams, renderQuestion, shuffleBySeed } from "@/lib/questions";
import type { TSimQuestion } from "@/lib/questions/schema";
import { bankQuestion, question, text } from "../grading/fixtures";

const sleeper = bankQuestion("restart-policy/sleep-exit-never.yaml") as TSimQuestion;

describe("pickParams", () => {
  it("is stable per seed and varies across seeds", () => {
    expect(pickParams(sleeper, 7)).toEqual(pickParams(sleeper, 7));
    const seen = new Set(Array.from({ length: 20 }, (_, s) => JSON.stringify(pickParams(sleeper, s))));
    expect(seen.size).toBeGreaterThan(3);
  });

  it("picks from oneOf and within integer ranges, inclusive", () => {
    const secs = new Set<number>();
    for (let s = 0; s < 300; s++) {
      const v = pickParams(sleeper, s);
      expect(["sleeper", "napper", "dozer"]).toContain(v.name);
      expect(Number.isInteger(v.secs)).toBe(true);
      secs.add(v.secs as number);
    }
    expect([...secs].sort((a, b) => a - b)).toEqual([5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15]);
  });

  it("draws each param from its own stream", () => {
    const one = question({ type: "true-false", answer: true, params: { a: { range: [1, 1000] } }, prompt: text("{{a}}") });
    const two = question({ type: "true-false", answer: true, params: { a: { range: [1, 1000] }, b: { oneOf: ["x"] } }, prompt: text("{{a}} {{b}}") });
    for (let s = 0; s < 10; s++) expect(pickParams(two, s).a).toBe(pickParams(one, s).a);
  });
});

describe("renderQuestion", () => {
  it("substitutes every placeholder, inside YAML blocks too", () => {
    const r = renderQuestion(sleeper, 3) as TSimQuestion & { values: Record<string, string | number> };
    const json = JSON.stringify({ ...r, params: undefined });
    expect(json).not.toMatch(/\{\{/);
    const manifest = yaml.load(r.solution.manifest!) as { metadata: { name: string }; spec: { containers: { command: string[] }[] } };
    expect(manifest.metadata.name).toBe(r.values.name);
    expect(manifest.spec.containers[0].command).toEqual(["sleep", String(r.values.secs)]);
    expect(r.prompt.en).toContain(`named \`${r.values.name}\``);
    expect(r.checks[0].kind === "object" && r.checks[0].target).toBe(`pod/${r.values.name}`);
  });

  it("is deterministic and leaves questions without params unchanged", () => {
    expect(renderQuestion(sleeper, 5)).toEqual(renderQuestion(sleeper, 5));
    const plain = bankQuestion("restart-policy/default-value.yaml");
    expect(renderQuestion(plain, 9)).toEqual({ ...plain, values: {} });
  });
});

describe("shuffleBySeed", () => {
  it("permutes stably per seed", () => {
    const items = Array.from({ length: 8 }, (_, i) => i);
    expect(shuffleBySeed(items, 4, "x")).toEqual(shuffleBySeed(items, 4, "x"));
    expect([...shuffleBySeed(items, 4, "x")].sort()).toEqual(items);
    const orders = new Set(Array.from({ length: 10 }, (_, s) => shuffleBySeed(items, s, "x").join()));
    expect(orders.size).toBeGreaterThan(5);
  });
});
