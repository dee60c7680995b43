import { describe, expect, it } from "vitest";
import type { TExchangeQuestion } from "@/lib/exchange/exchange-question";
import { escapeXml, fromMoodleXml, toMoodleXml } from "@/lib/exchange/moodle-xml";

const SAMPLE: TExchangeQuestion[] = [
  {
    kind: "single-choice",
    name: "restart-policy/default-value",
    text: "A Pod omits `spec.restartPolicy` & <nothing> \"else\": which value?",
    choices: [
      { text: "Always", correct: true, feedback: "Yes: the API server's default." },
      { text: "OnFailure", correct: false, feedback: "Common for Jobs." },
      { text: "Never", correct: false },
    ],
  },
  {
    kind: "multiple-choice",
    name: "probes/kinds",
    text: "Which are probe kinds?",
    choices: [
      { text: "liveness", correct: true },
      { text: "readiness", correct: true },
      { text: "happiness", correct: false },
    ],
  },
  { kind: "true-false", name: "restart-policy/tf", text: "Jobs may use Always.", answer: false, feedback: "Only OnFailure or Never." },
  { kind: "fill-in", name: "restart-policy/fill", text: "restartPolicy: ___", accept: ["Always", "always"] },
  {
    kind: "matching",
    name: "restart-policy/match",
    text: "Match the policy to its restarts.",
    pairs: [
      { left: "Always", right: "every exit" },
      { left: "OnFailure", right: "non-zero exit" },
    ],
  },
];

describe("Moodle XML", () => {
  it("writes Moodle's elements and weights", () => {
    const xml = toMoodleXml(SAMPLE);
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<quiz>')).toBe(true);
    expect(xml).toContain(`<text>${escapeXml(SAMPLE[0].text)}</text>`);
    expect(xml).toContain("&amp; &lt;nothing&gt; &quot;else&quot;");
    expect(xml).toContain('<question type="multichoice">');
    expect(xml).toContain("<single>false</single>");
    expect(xml).toContain('<answer fraction="50" format="plain_text">');
    expect(xml).toContain('<answer fraction="-100" format="plain_text">');
    expect(xml).toContain('<question type="truefalse">');
    expect(xml).toContain('<question type="shortanswer">');
    expect(xml).toContain('<subquestion format="plain_text">');
  });

  it("round-trips every supported type", () => {
    const back = fromMoodleXml(toMoodleXml(SAMPLE));
    expect(back.errors).toEqual([]);
    expect(back.questions).toEqual(SAMPLE);
  });

  it("reads CDATA, skips categories and reports unsupported types", () => {
    const xml = `<?xml version="1.0"?><quiz>
      <question type="category"><category><text>$course$/kubedrill</text></category></question>
      <!-- a comment -->
      <question type="multichoice"><name><text>Q</text></name>
        <questiontext format="html"><text><![CDATA[<p>Pick & choose</p>]]></text></questiontext>
        <answer fraction="100"><text>A</text></answer><answer fraction="0"><text>B</text></answer></question>
      <question type="essay"><name><text>E</text></name><questiontext><text>Write</text></questiontext></question>
    </quiz>`;
    const parsed = fromMoodleXml(xml);
    expect(parsed.questions).toEqual([
      { kind: "single-choice", name: "Q", text: "<p>Pick & choose</p>", choices: [{ text: "A", correct: true }, { text: "B", correct: false }] },
    ]);
    expect(parsed.errors).toEqual([{ index: 2, message: 'unsupported question type "essay"' }]);
  });
});
