"use client";
// The answer controls for the six choice-type questions: radio and checkbox groups, a true/false pair,
// labelled fill-in inputs, an ordering list (Move up / Move down buttons, drag and drop as an extra)
// and one select per left-hand item for matching. The move buttons stay enabled at the ends (a no-op
// there) so focus never drops to <body> when an item reaches the top. Controlled: the draft lives in PracticeSession.
import { useId, useState, type DragEvent } from "react";
import { Field, Fieldset, Input, Select } from "@/components/ui/field";
import { Button } from "@/components/ui/button";
import { useI18n } from "@/lib/i18n/client";
import type { TClientQuestion } from "@/lib/questions/present";
import { moveItem, type TDraft } from "./draft";
import { renderInline } from "./markdown";
import { pickText } from "./text";
import styles from "./practice.module.css";

type ChoiceQuestion = Exclude<TClientQuestion, { task: unknown }>;

export function ChoiceAnswerForm({
  question,
  draft,
  onChange,
  disabled,
}: {
  question: ChoiceQuestion;
  draft: TDraft;
  onChange: (draft: TDraft) => void;
  disabled?: boolean;
}) {
  const { t, locale } = useI18n();
  const name = useId();
  const text = (value: { zh: string; en: string }) => renderInline(pickText(value, locale));

  if (question.type === "single-choice" && draft.type === "single-choice") {
    return (
      <Fieldset legend={t("practice.answer.chooseOne")}>
        <div className={styles.options}>
          {question.choices.map((choice) => (
            <label key={choice.id} className={styles.option}>
              <input
                type="radio"
                name={name}
                value={choice.id}
                checked={draft.choice === choice.id}
                disabled={disabled}
                onChange={() => onChange({ ...draft, choice: choice.id })}
              />
              <span>{text(choice.text)}</span>
            </label>
          ))}
        </div>
      </Fieldset>
    );
  }

  if (question.type === "multiple-choice" && draft.type === "multiple-choice") {
    return (
      <Fieldset legend={t("practice.answer.chooseAll")}>
        <div className={styles.options}>
          {question.choices.map((choice) => {
            const checked = draft.choices.includes(choice.id);
            return (
              <label key={choice.id} className={styles.option}>
                <input
                  type="checkbox"
                  value={choice.id}
                  checked={checked}
                  disabled={disabled}
                  onChange={() =>
                    onChange({ ...draft, choices: checked ? draft.choices.filter((id) => id !== choice.id) : [...draft.choices, choice.id] })
                  }
                />
                <span>{text(choice.text)}</span>
              </label>
            );
          })}
        </div>
      </Fieldset>
    );
  }

  if (question.type === "true-false" && draft.type === "true-false") {
    return (
      <Fieldset legend={t("practice.answer.trueOrFalse")}>
        <div className={styles.optionsRow}>
          {[true, false].map((value) => (
            <label key={String(value)} className={styles.option}>
              <input type="radio" name={name} checked={draft.value === value} disabled={disabled} onChange={() => onChange({ ...draft, value })} />
              <span>{value ? t("practice.answer.true") : t("practice.answer.false")}</span>
            </label>
          ))}
        </div>
      </Fieldset>
    );
  }

  if (question.type === "fill-in" && draft.type === "fill-in") {
    return (
      <div className={styles.blanks}>
        {question.blanks.map((blank, index) => (
          <Field key={blank.id} label={blank.label ? pickText(blank.label, locale) : t("practice.answer.blank", { n: index + 1 })}>
            {(control) => (
              <Input
                {...control}
                autoComplete="off"
                spellCheck={false}
                value={draft.blanks[blank.id] ?? ""}
                disabled={disabled}
                onChange={(event) => onChange({ ...draft, blanks: { ...draft.blanks, [blank.id]: event.target.value } })}
              />
            )}
          </Field>
        ))}
      </div>
    );
  }

  if (question.type === "ordering" && draft.type === "ordering") {
    return <OrderingList question={question} order={draft.order} disabled={disabled} onChange={(order) => onChange({ ...draft, order })} />;
  }

  if (question.type === "matching" && draft.type === "matching") {
    return (
      <Fieldset legend={t("practice.answer.match")}>
        <div className={styles.matching}>
          {question.left.map((left) => (
            <Field key={left.id} label={text(left.text)}>
              {(control) => (
                <Select
                  {...control}
                  value={draft.pairs[left.id] ?? ""}
                  disabled={disabled}
                  onChange={(event) => {
                    const pairs = { ...draft.pairs };
                    if (event.target.value) pairs[left.id] = event.target.value;
                    else delete pairs[left.id];
                    onChange({ ...draft, pairs });
                  }}
                >
                  <option value="">{t("practice.answer.matchPlaceholder")}</option>
                  {question.right.map((right) => (
                    <option key={right.id} value={right.id}>
                      {pickText(right.text, locale).replace(/`/g, "")}
                    </option>
                  ))}
                </Select>
              )}
            </Field>
          ))}
        </div>
      </Fieldset>
    );
  }
  return null;
}

function OrderingList({
  question,
  order,
  disabled,
  onChange,
}: {
  question: Extract<TClientQuestion, { type: "ordering" }>;
  order: string[];
  disabled?: boolean;
  onChange: (order: string[]) => void;
}) {
  const { t, locale } = useI18n();
  const [dragging, setDragging] = useState<number | null>(null);
  const [announcement, setAnnouncement] = useState("");
  const byId = new Map(question.items.map((item) => [item.id, item]));

  function move(from: number, to: number) {
    if (to < 0 || to >= order.length) return;
    const next = moveItem(order, from, to);
    onChange(next);
    const item = byId.get(order[from]);
    if (item) setAnnouncement(t("practice.order.moved", { item: pickText(item.text, locale), position: to + 1, total: order.length }));
  }

  function onDrop(event: DragEvent<HTMLLIElement>, index: number) {
    event.preventDefault();
    if (dragging !== null && dragging !== index) move(dragging, index);
    setDragging(null);
  }

  return (
    <Fieldset legend={t("practice.answer.order")} hint={t("practice.order.hint")}>
      <ol className={styles.ordering}>
        {order.map((id, index) => {
          const item = byId.get(id);
          if (!item) return null;
          const label = pickText(item.text, locale);
          return (
            <li
              key={id}
              className={styles.orderItem}
              data-dragging={dragging === index || undefined}
              draggable={!disabled}
              onDragStart={(event) => {
                setDragging(index);
                event.dataTransfer.effectAllowed = "move";
                event.dataTransfer.setData("text/plain", id);
              }}
              onDragOver={(event) => event.preventDefault()}
              onDrop={(event) => onDrop(event, index)}
              onDragEnd={() => setDragging(null)}
            >
              <span className={styles.orderIndex} aria-hidden="true">
                {index + 1}
              </span>
              <span className={styles.orderText}>{renderInline(label)}</span>
              <span className={styles.orderButtons}>
                <Button
                  size="sm"
                  variant="secondary"
                  disabled={disabled}
                  aria-disabled={index === 0 || undefined}
                  aria-label={t("practice.order.up", { item: label.replace(/`/g, "") })}
                  onClick={() => move(index, index - 1)}
                >
                  ↑
                </Button>
                <Button
                  size="sm"
                  variant="secondary"
                  disabled={disabled}
                  aria-disabled={index === order.length - 1 || undefined}
                  aria-label={t("practice.order.down", { item: label.replace(/`/g, "") })}
                  onClick={() => move(index, index + 1)}
                >
                  ↓
                </Button>
              </span>
            </li>
          );
        })}
      </ol>
      <p className="visually-hidden" aria-live="polite">
        {announcement}
      </p>
    </Fieldset>
  );
}
