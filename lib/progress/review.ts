// Spaced review: every question a learner has answered is a card scheduled with FSRS (ts-fsrs, the
// open-spaced-repetition project's maintained implementation). A graded answer becomes a review:
//   100 %        → Good   (recalled and applied correctly)
//   60 – 99.9 %  → Hard   (mostly right: seen again sooner)
//   < 60 %       → Again  (lapsed: back to (re)learning steps)
// Fuzz is off so the schedule is deterministic and testable; the stored card fields mirror ts-fsrs's Card.
import { createEmptyCard, fsrs, generatorParameters, Rating, State, type Card, type Grade } from "ts-fsrs";

export type TCardState = "New" | "Learning" | "Review" | "Relearning";

/** The persisted card (the ReviewCard row's scheduling columns). */
export type TReviewCard = {
  due: Date;
  stability: number;
  difficulty: number;
  elapsedDays: number;
  scheduledDays: number;
  learningSteps: number;
  reps: number;
  lapses: number;
  state: TCardState;
  lastReview: Date | null;
};

export type TReviewRating = "Again" | "Hard" | "Good" | "Easy";

export type TReviewOutcome = { card: TReviewCard; rating: TReviewRating; log: { state: TCardState; due: Date; scheduledDays: number; elapsedDays: number; review: Date } };

const scheduler = fsrs(generatorParameters({ enable_fuzz: false, enable_short_term: true }));

const STATE_NAMES: Record<State, TCardState> = {
  [State.New]: "New",
  [State.Learning]: "Learning",
  [State.Review]: "Review",
  [State.Relearning]: "Relearning",
};
const STATE_VALUES: Record<TCardState, State> = { New: State.New, Learning: State.Learning, Review: State.Review, Relearning: State.Relearning };
const RATINGS: Record<TReviewRating, Grade> = { Again: Rating.Again, Hard: Rating.Hard, Good: Rating.Good, Easy: Rating.Easy };

export function ratingFromPercent(percent: number): TReviewRating {
  if (percent >= 100) return "Good";
  if (percent >= 60) return "Hard";
  return "Again";
}

export function newCard(now: Date): TReviewCard {
  return fromFsrs(createEmptyCard(now));
}

/** Applies one graded answer (percent 0–100, at `now`) to a card (or a new one). */
export function reviewCard(card: TReviewCard | null, percent: number, now: Date): TReviewOutcome {
  const rating = ratingFromPercent(percent);
  const current = card ? toFsrs(card) : createEmptyCard(now);
  const { card: next, log } = scheduler.next(current, now, RATINGS[rating]);
  return {
    card: fromFsrs(next),
    rating,
    log: { state: STATE_NAMES[log.state], due: log.due, scheduledDays: log.scheduled_days, elapsedDays: log.elapsed_days, review: log.review },
  };
}

/** Probability (0–1) the learner still remembers the card at `now`. */
export function retrievability(card: TReviewCard, now: Date): number {
  if (card.state === "New") return 0;
  return scheduler.get_retrievability(toFsrs(card), now, false);
}

/** Cards due at `now`, most overdue first, ties by key. */
export function dueQueue<T extends { key: string; card: TReviewCard }>(cards: readonly T[], now: Date, limit = 50): T[] {
  return cards
    .filter((c) => c.card.due.getTime() <= now.getTime())
    .sort((a, b) => a.card.due.getTime() - b.card.due.getTime() || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .slice(0, limit);
}

function toFsrs(card: TReviewCard): Card {
  return {
    due: card.due,
    stability: card.stability,
    difficulty: card.difficulty,
    elapsed_days: card.elapsedDays,
    scheduled_days: card.scheduledDays,
    learning_steps: card.learningSteps,
    reps: card.reps,
    lapses: card.lapses,
    state: STATE_VALUES[card.state],
    last_review: card.lastReview ?? undefined,
  };
}

function fromFsrs(card: Card): TReviewCard {
  return {
    due: card.due,
    stability: card.stability,
    difficulty: card.difficulty,
    elapsedDays: card.elapsed_days,
    scheduledDays: card.scheduled_days,
    learningSteps: card.learning_steps,
    reps: card.reps,
    lapses: card.lapses,
    state: STATE_NAMES[card.state],
    lastReview: card.last_review ?? null,
  };
}
