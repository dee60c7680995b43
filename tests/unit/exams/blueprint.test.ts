import { describe, expect, it } from "vitest";
import { CKAD_DOMAINS, drawExam, scoreExam, TOPIC_DOMAIN, type TExamCandidate } from "@/lib/exams/blueprint";
import { TOPICS } from "@/lib/questions/schema";

const bank: TExamCandidate[] = TOPICS.flatMap((topic) => [1, 2, 3, 4].map((i) => ({ id: `${topic}/t${i}`, topic, difficulty: "medium" as const })));

describe("CKAD exam blueprint", () => {
  it("maps every bank topic to a CKAD domain", () => {
    for (const t of TOPICS) expect(TOPIC_DOMAIN[t], t).toBeDefined();
    expect(CKAD_DOMAINS.reduce((s, d) => s + d.weight, 0)).toBe(100);
  });

  it("draws the requested number of distinct tasks with points per domain within 2 pp of the weights", () => {
    for (const seed of [1, 2, 3, 99]) {
      const exam = drawExam(bank, 16, seed);
      expect(exam.tasks).toHaveLength(16);
      expect(new Set(exam.tasks.map((t) => t.questionId)).size).toBe(16);
      const total = exam.tasks.reduce((s, t) => s + t.points, 0);
      expect(total).toBeCloseTo(100, 5);
      for (const d of CKAD_DOMAINS) {
        const points = exam.tasks.filter((t) => t.domain === d.id).reduce((s, t) => s + t.points, 0);
        expect(Math.abs(points - d.weight), d.id).toBeLessThanOrEqual(2);
      }
    }
  });

  it("is deterministic per seed and differs across seeds", () => {
    expect(drawExam(bank, 16, 7)).toEqual(drawExam(bank, 16, 7));
    expect(drawExam(bank, 16, 7).tasks.map((t) => t.questionId)).not.toEqual(drawExam(bank, 16, 8).tasks.map((t) => t.questionId));
  });

  it("renormalises the weights over the domains the bank covers and reports the missing ones", () => {
    const exam = drawExam(bank.filter((c) => TOPIC_DOMAIN[c.topic] !== "networking"), 10, 1);
    expect(exam.missing).toEqual(["networking"]);
    expect(exam.shares["config-security"]).toBeCloseTo(31.3, 1);
    expect(exam.tasks.reduce((s, t) => s + t.points, 0)).toBeCloseTo(100, 5);
  });

  it("scores per domain and passes at 66 %", () => {
    const s = scoreExam([
      { questionId: "a", domain: "deployment", points: 10, percent: 100 },
      { questionId: "b", domain: "deployment", points: 10, percent: 50 },
      { questionId: "c", domain: "networking", points: 20, percent: 50 },
    ]);
    expect(s).toMatchObject({ earned: 25, possible: 40, percent: 62.5, passed: false });
    expect(s.domains).toEqual([
      { domain: "deployment", earned: 15, possible: 20, percent: 75 },
      { domain: "networking", earned: 10, possible: 20, percent: 50 },
    ]);
  });
});
