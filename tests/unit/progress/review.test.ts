// Scheduling follows ts-fsrs's documented behaviour (default parameters, no fuzz): a new card answered
// Good enters learning and comes back within the day (short-term steps 1m, 10m); after graduating, the
// interval grows with each Good; an Again in review is a lapse that sends the card to relearning.
import { describe, expect, it } from "vitest";
import { dueQueue, newCard, ratingFromPercent, retrievability, reviewCard } from "@/lib/progress/review";

const T0 = new Date("2026-11-23T10:00:00Z");
const MIN = 60_000;
const DAY = 24 * 60 * MIN;

describe("spaced review (FSRS)", () => {
  it("maps grades to ratings", () => {
    expect(ratingFromPercent(100)).toBe("Good");
    expect(ratingFromPercent(75)).toBe("Hard");
    expect(ratingFromPercent(59.9)).toBe("Again");
  });

  it("a new card answered correctly stays in learning and is due again within minutes", () => {
    const r = reviewCard(null, 100, T0);
    expect(r.rating).toBe("Good");
    expect(r.card.state).toBe("Learning");
    expect(r.card.reps).toBe(1);
    const wait = r.card.due.getTime() - T0.getTime();
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(10 * MIN);
  });

  it("graduates to review and the interval grows with each correct answer", () => {
    let card = reviewCard(null, 100, T0).card;
    let now = card.due;
    card = reviewCard(card, 100, now).card;
    expect(card.state).toBe("Review");
    const intervals: number[] = [];
    for (let i = 0; i < 3; i++) {
      now = card.due;
      card = reviewCard(card, 100, now).card;
      intervals.push(card.scheduledDays);
    }
    expect(intervals[0]).toBeGreaterThanOrEqual(1);
    expect(intervals[1]).toBeGreaterThan(intervals[0]);
    expect(intervals[2]).toBeGreaterThan(intervals[1]);
  });

  it("a failed review is a lapse: relearning, due again the same day, lapses counted", () => {
    let card = reviewCard(null, 100, T0).card;
    card = reviewCard(card, 100, card.due).card;
    const reviewDue = card.due;
    const lapsed = reviewCard(card, 20, reviewDue);
    expect(lapsed.rating).toBe("Again");
    expect(lapsed.card.state).toBe("Relearning");
    expect(lapsed.card.lapses).toBe(1);
    expect(lapsed.card.due.getTime() - reviewDue.getTime()).toBeLessThan(DAY);
  });

  it("is deterministic (no fuzz)", () => {
    const a = reviewCard(reviewCard(null, 100, T0).card, 100, new Date(T0.getTime() + 10 * MIN));
    const b = reviewCard(reviewCard(null, 100, T0).card, 100, new Date(T0.getTime() + 10 * MIN));
    expect(a).toEqual(b);
  });

  it("retrievability decays after the review and the queue lists due cards, most overdue first", () => {
    let card = reviewCard(null, 100, T0).card;
    card = reviewCard(card, 100, card.due).card;
    const soon = retrievability(card, new Date(card.lastReview!.getTime() + DAY));
    const later = retrievability(card, new Date(card.lastReview!.getTime() + 30 * DAY));
    expect(soon).toBeGreaterThan(later);
    expect(newCard(T0).state).toBe("New");
    const q = dueQueue(
      [
        { key: "b", card: { ...card, due: new Date(T0.getTime() - DAY) } },
        { key: "a", card: { ...card, due: new Date(T0.getTime() - 2 * DAY) } },
        { key: "c", card: { ...card, due: new Date(T0.getTime() + DAY) } },
      ],
      T0,
    );
    expect(q.map((c) => c.key)).toEqual(["a", "b"]);
  });
});
