// The learner's practice experience: the topic map and list, one question of every type answered
// through the UI, a manifest with a misspelled field caught inline and by Precheck, then fixed and
// graded, a terminal session that survives a reload, and switching language on a question page.
// Each test signs up its own learner, so attempts never collide between parallel tests.
import { expect, test, type Page } from "@playwright/test";
import { newAccount, register } from "./helpers";

const SCREENS = "test-results/screens";

async function newLearner(page: Page, label: string): Promise<void> {
  await register(page, newAccount(label));
}

/** Replaces the editor's text the way a paste does (CodeMirror reads clipboardData on "paste"). */
async function pasteIntoEditor(page: Page, text: string): Promise<void> {
  const content = page.locator(".cm-content");
  await content.click();
  await page.keyboard.press("ControlOrMeta+a");
  await content.evaluate((element, value) => {
    const data = new DataTransfer();
    data.setData("text/plain", value);
    element.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
}

async function submitAndExpectResult(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Submit", exact: true }).click();
  await expect(page.getByRole("heading", { level: 2, name: "Result" })).toBeVisible();
  await expect(page.getByText(/^Score \d/)).toBeVisible();
}

test("the practice page lists topics with mastery and filters questions through the URL", async ({ page }) => {
  await newLearner(page, "practice-list");
  await page.setViewportSize({ width: 768, height: 1024 });
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Practice" }).click();
  await expect(page).toHaveURL(/\/practice$/);
  await expect(page.getByRole("heading", { level: 1, name: "Practice" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 3, name: "Restart policy" })).toBeVisible();
  await expect(page.getByText("0% mastery").first()).toBeVisible();
  // Nothing overflows sideways at tablet width.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(768);
  await page.screenshot({ path: `${SCREENS}/practice-page.png`, fullPage: false });

  await page.getByLabel("Topic", { exact: true }).selectOption("restart-policy");
  await page.getByLabel("Type", { exact: true }).selectOption("fill-in");
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/topic=restart-policy/);
  await expect(page).toHaveURL(/type=fill-in/);
  const rows = page.getByRole("table", { name: "Questions matching the filters" }).locator("tbody tr");
  await expect(rows.first()).toBeVisible();
  for (const type of await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute("data-question-type")))) expect(type).toBe("fill-in");
  await expect(page.getByRole("link", { name: /restart back-off starts at/ })).toBeVisible();

  // A bad value in the URL drops that filter instead of failing the page.
  await page.goto("/practice?type=essay&status=new");
  await expect(page.getByRole("heading", { level: 1, name: "Practice" })).toBeVisible();
  await expect(page.getByLabel("Status", { exact: true })).toHaveValue("new");
  await expect(page.getByLabel("Type", { exact: true })).toHaveValue("");
});

test("one question of every choice type is answered and graded", async ({ page }) => {
  test.setTimeout(300_000);
  await newLearner(page, "practice-types");

  // Known examples with known keys: full marks.
  await page.goto("/practice/restart-policy/default-value");
  await page.getByRole("radio", { name: "Always", exact: true }).check();
  await submitAndExpectResult(page);
  await expect(page.getByText("100%", { exact: true }).first()).toBeVisible();
  await expect(page.getByRole("heading", { name: "Explanation" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "From the study notes" })).toBeVisible();

  await page.goto("/practice/restart-policy/backoff-delays-fill-in");
  await page.getByLabel("Initial back-off (seconds)").fill("10");
  await page.getByLabel("Maximum back-off (seconds)").fill("5m");
  await submitAndExpectResult(page);
  await expect(page.getByText("100%", { exact: true }).first()).toBeVisible();

  // The other types, picked from the bank at run time through the list's type filter.
  const answer: Record<string, (page: Page) => Promise<void>> = {
    "multiple-choice": async (p) => p.getByRole("checkbox").first().check(),
    "true-false": async (p) => p.getByRole("radio", { name: "True", exact: true }).check(),
    ordering: async (p) => {
      const down = p.getByRole("button", { name: /^Move down:/ }).first();
      await down.click();
      await expect(p.getByText(/moved to position 2 of/)).toBeAttached();
    },
    matching: async (p) => {
      const selects = p.getByRole("form", { name: "Your answer" }).getByRole("combobox");
      for (const select of await selects.all()) await select.selectOption({ index: 1 });
    },
  };
  for (const [type, fill] of Object.entries(answer)) {
    await page.goto(`/practice?type=${type}`);
    await page.getByRole("table", { name: "Questions matching the filters" }).locator("tbody tr").first().getByRole("link").click();
    await expect(page.getByRole("heading", { level: 1, name: /^Question / })).toBeVisible();
    await fill(page);
    await submitAndExpectResult(page);
    await expect(page.getByRole("heading", { name: "Checks" })).toBeVisible();
  }

  // The list now shows the questions as answered.
  await page.goto("/practice?topic=restart-policy&status=correct");
  await expect(page.getByRole("link", { name: /Which value does the API server default it to/ })).toBeVisible();
});

test("a command task, a troubleshooting task and a spot-the-mistake task are answered and graded", async ({ page }) => {
  test.setTimeout(300_000);
  await newLearner(page, "practice-sim-types");
  for (const type of ["command", "troubleshooting", "spot-the-mistake"]) {
    await page.goto(`/practice?type=${type}`);
    await page.getByRole("table", { name: "Questions matching the filters" }).locator("tbody tr").first().getByRole("link").click();
    await expect(page.getByRole("heading", { level: 1, name: /^Question / })).toBeVisible();
    if (type === "spot-the-mistake") {
      // The flawed text itself is an answer (a wrong one): submitted as it stands.
      await expect(page.locator(".cm-content")).not.toBeEmpty();
    } else {
      const terminalTab = page.getByRole("tab", { name: "Terminal" });
      if ((await terminalTab.count()) > 0) await terminalTab.click();
      const terminal = page.getByTestId("web-terminal");
      await expect(terminal).toHaveAttribute("data-status", "ready");
      await terminal.click();
      await page.keyboard.type("kubectl get pods");
      await page.keyboard.press("Enter");
      await expect(page.getByText("Terminal commands included in your answer (1)")).toBeVisible();
    }
    await page.getByRole("button", { name: "Submit", exact: true }).click();
    await expect(page.getByRole("heading", { level: 2, name: /^(Result|This answer could not be graded)$/ })).toBeVisible();
  }
});

test("a misspelled field is flagged inline and by Precheck, then the fixed manifest passes", async ({ page }) => {
  test.setTimeout(240_000);
  await newLearner(page, "practice-manifest");
  await page.goto("/practice/restart-policy/sleep-exit-never");
  const editor = page.locator(".cm-content");
  await expect(editor).toContainText("busybox:1.36");
  const starter = await editor.innerText();
  const name = /name: (\w+)/.exec(starter)?.[1];
  const secs = /sleep (\d+)/.exec(await page.locator("main").innerText())?.[1];
  expect(name).toBeTruthy();
  expect(secs).toBeTruthy();
  const manifest = (probeField: string) =>
    [
      "apiVersion: v1",
      "kind: Pod",
      "metadata:",
      `  name: ${name}`,
      "spec:",
      "  restartPolicy: Never",
      "  containers:",
      "  - name: main",
      "    image: busybox:1.36",
      `    command: ["sleep", "${secs}"]`,
      `    ${probeField}:`,
      "      exec:",
      '        command: ["true"]',
      "",
    ].join("\n");

  // Completion: field names at the cursor's YAML path, then an enum value; hover shows the field's docs.
  const head = ["apiVersion: v1", "kind: Pod", "metadata:", `  name: ${name}`, "spec:"].join("\n");
  const completions = page.locator(".cm-tooltip-autocomplete");
  await pasteIntoEditor(page, `${head}\n  containers:\n  - name: main\n    image: busybox:1.36\n    readi`);
  await page.keyboard.press("Control+Space");
  await expect(completions).toContainText("readinessProbe");
  await expect(completions).not.toContainText("restartPolicy");
  await page.keyboard.press("Escape");
  await pasteIntoEditor(page, `${head}\n  restartPolicy: `);
  await page.keyboard.press("Control+Space");
  await expect(completions).toContainText("OnFailure");
  await page.keyboard.type("Nev");
  await expect(completions).toContainText("Never");
  await page.keyboard.press("Enter");
  await expect(editor).toContainText("restartPolicy: Never");
  await editor.getByText("restartPolicy", { exact: true }).hover();
  await expect(page.locator(".cm-hover-doc")).toContainText("spec.restartPolicy <string>");

  await pasteIntoEditor(page, manifest("readinessProbee"));
  const problems = page.getByText(/problems? in the manifest/);
  await expect(problems).toBeVisible();
  await expect(page.getByText(/readinessProbee/).first()).toBeVisible();
  await expect(page.locator(".cm-lintRange-error").first()).toBeVisible();
  await page.screenshot({ path: `${SCREENS}/editor-inline-error.png`, fullPage: true });

  await page.getByRole("button", { name: "Precheck" }).click();
  await expect(page.getByText("The API server would reject this manifest:")).toBeVisible();
  // Submitting it anyway is refused without using the attempt.
  await page.getByRole("button", { name: "Submit", exact: true }).click();
  await expect(page.getByRole("heading", { level: 2, name: "This answer could not be graded" })).toBeVisible();
  await expect(page.getByText("This did not use up your attempt")).toBeVisible();

  await pasteIntoEditor(page, manifest("readinessProbe"));
  await expect(problems).toBeHidden();
  await page.getByRole("button", { name: "Precheck" }).click();
  await expect(page.getByText(/The manifest is valid/)).toBeVisible();
  await expect(page.getByText(`pod/${name}`).first()).toBeVisible();

  await submitAndExpectResult(page);
  await expect(page.getByText("100%", { exact: true }).first()).toBeVisible();
  await expect(page.getByRole("heading", { name: "Pod timeline" })).toBeVisible();
  await expect(page.getByRole("img", { name: /Phase, readiness and restarts of \d+ pods/ })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Reference solution" })).toBeVisible();
  await page.getByRole("heading", { level: 2, name: "Result" }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SCREENS}/result-view.png`, fullPage: true });

  // Retry: a new attempt, with the graded one listed.
  await page.getByRole("button", { name: "Try again with a new variant" }).click();
  await expect(page.getByRole("heading", { name: "Previous attempts" })).toBeVisible();
  await page.getByRole("button", { name: "Show result" }).first().click();
  await expect(page.getByRole("heading", { level: 2, name: "Result" })).toBeVisible();
});

test("a terminal session runs kubectl and survives a reload", async ({ page }) => {
  test.setTimeout(240_000);
  await newLearner(page, "practice-terminal");
  await page.goto("/practice/restart-policy/sleep-exit-never");
  const terminal = page.getByTestId("web-terminal");
  const screen = terminal.locator(".xterm-rows");

  async function run(line: string, expected: string | RegExp) {
    await terminal.click();
    await page.keyboard.type(line);
    await page.keyboard.press("Enter");
    await expect(screen).toContainText(expected);
  }

  await page.getByRole("tab", { name: "Terminal" }).click();
  await expect(terminal).toHaveAttribute("data-status", "ready");
  await expect(screen).toContainText("controlplane $");
  await run("kubectl run web --image=nginx", "pod/web created");
  await run("kubectl get pods", /web\s+\d\/1/);
  // Tab completion of a name learnt from the output above.
  await terminal.click();
  await page.keyboard.type("kubectl describe pod w");
  await page.keyboard.press("Tab");
  await page.keyboard.press("Enter");
  await expect(screen).toContainText("Events:");
  await expect(page.getByText("Terminal commands included in your answer (3)")).toBeVisible();
  await page.screenshot({ path: `${SCREENS}/terminal.png` });

  await page.reload();
  await page.getByRole("tab", { name: "Terminal" }).click();
  await expect(terminal).toHaveAttribute("data-status", "ready");
  await expect(screen).toContainText("Events:");
  // ↑ recalls the last command from the stored history.
  await terminal.click();
  await page.keyboard.press("ArrowUp");
  await expect(screen).toContainText("controlplane $ kubectl describe pod web");
});

test("switching language on a question page shows the question in Chinese", async ({ page }) => {
  await newLearner(page, "practice-lang");
  await page.goto("/practice/restart-policy/default-value");
  await expect(page.getByText(/Which value does the API server default it to/)).toBeVisible();
  await page.getByRole("radio", { name: "Never", exact: true }).check();
  // The answer in progress survives a reload (localStorage, per attempt), and the page fits 768 px.
  await page.setViewportSize({ width: 768, height: 1024 });
  await page.reload();
  await expect(page.getByRole("radio", { name: "Never", exact: true })).toBeChecked();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(768);
  await page.getByRole("button", { name: "中文" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  await expect(page.getByRole("heading", { level: 1, name: "题目 restart-policy/default-value" })).toBeVisible();
  await expect(page.getByText(/API Server 会为它设置什么值/)).toBeVisible();
  // The answer in progress is kept across the switch (it lives in localStorage per attempt).
  await expect(page.getByRole("radio", { name: "Never", exact: true })).toBeChecked();
  await page.getByRole("button", { name: "提交" }).click();
  await expect(page.getByRole("heading", { level: 2, name: "结果" })).toBeVisible();
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
});
