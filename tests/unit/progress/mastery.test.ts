import { describe, expect, it } from "vitest";
import { answerWeight, dedupeAnswers, masteryByObjective, masteryByTopic, weakestObjectives, type TGradedAnswer } from "@/lib/progress/mastery";

const DAY = 24 * 3600 * 1000;
const NOW = Date.UTC(2026, 10, 23, 12);
const answer = (over: Partial<TGradedAnswer>): TGradedAnswer => ({
  questionId: "probes/a",
  objectives: ["probes.x.y"],
  topic: "probes",
  difficulty: "medium",
  percent: 100,
  at: NOW,
  ...over,
});

describe("mastery", () => {
  it("halves an answer's weight every 14 days and weighs hard questions more", () => {
    expect(answerWeight({ difficulty: "easy", at: NOW }, NOW)).toBe(1);
    expect(answerWeight({ difficulty: "easy", at: NOW - 14 * DAY }, NOW)).toBeCloseTo(0.5);
    expect(answerWeight({ difficulty: "hard", at: NOW }, NOW)).toBe(1.5);
  });

  it("scales accuracy by the evidence: one perfect easy answer is 50 %, more answers climb toward 100 %", () => {
    const one = masteryByObjective([answer({ difficulty: "easy" })], NOW).get("probes.x.y")!;
    expect(one).toMatchObject({ mastery: 50, accuracy: 100, answers: 1 });
    const three = masteryByObjective(
      [answer({ questionId: "q1", difficulty: "easy" }), answer({ questionId: "q2", difficulty: "easy" }), answer({ questionId: "q3", difficulty: "easy" })],
      NOW,
    ).get("probes.x.y")!;
    expect(three.mastery).toBe(75);
  });

  it("lets a recent failure outweigh an old success", () => {
    const m = masteryByObjective(
      [answer({ questionId: "q1", percent: 100, at: NOW - 60 * DAY }), answer({ questionId: "q2", percent: 0, at: NOW })],
      NOW,
    ).get("probes.x.y")!;
    expect(m.accuracy).toBeLessThan(10);
  });

  it("counts only the latest answer per question per day", () => {
    const list = [answer({ percent: 0, at: NOW - 1000 }), answer({ percent: 100, at: NOW })];
    expect(dedupeAnswers(list)).toHaveLength(1);
    expect(masteryByObjective(list, NOW).get("probes.x.y")!.accuracy).toBe(100);
  });

  it("averages a topic over all its objectives, unanswered ones counting zero", () => {
    const topics = new Map([["probes", ["probes.x.y", "probes.x.z"]]]);
    const t = masteryByTopic([answer({ difficulty: "easy" })], topics, NOW).get("probes")!;
    expect(t).toMatchObject({ mastery: 25, objectives: 2, covered: 1 });
  });

  it("suggests unanswered objectives first, then the weakest", () => {
    const per = masteryByObjective([answer({ objectives: ["a.b.c"], percent: 20 }), answer({ questionId: "q2", objectives: ["a.b.d"], percent: 90 })], NOW);
    expect(weakestObjectives(per, ["a.b.d", "a.b.c", "a.b.e"], 2)).toEqual(["a.b.e", "a.b.c"]);
  });
});
