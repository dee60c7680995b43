// The web terminal against a real database: commands run at wall-clock virtual time, are logged, and
// replaying the log on another instance (an empty cache) prints exactly what the first one printed;
// the log replays as a kubesim script that grades the task; limits and ownership are enforced.
import { afterAll, beforeAll, expect, it, vi } from "vitest";
import { describeEachProvider } from "../helpers/test-db";
import { codeOf, COMMAND_TASK, dbVia, makeLearner, seedFixtures, SINGLE_CHOICE, type TAuthHolder } from "./harness";

const holder = vi.hoisted(() => ({ db: undefined, session: null }) as TAuthHolder);
vi.mock("server-only", () => ({}));
vi.mock("@/lib/db", async () => ({ ...(await import("@/lib/db/client")), db: dbVia(holder) }));

const { getGradingPool } = await import("@/lib/server/grading");
const { openPractice, submitAnswer } = await import("@/lib/server/practice");
const terminal = await import("@/lib/server/terminal");
const { openTerminal, runTerminalCommand, terminalAnswer, clearTerminalCache } = terminal;

afterAll(async () => {
  await getGradingPool().close();
});

const at = (start: Date, seconds: number) => new Date(start.getTime() + seconds * 1000);

describeEachProvider("terminal", (suite) => {
  beforeAll(async () => {
    holder.db = suite.db;
    await seedFixtures(suite.db);
  });

  async function startSession(seed?: number) {
    const user = await makeLearner(suite.db);
    const { attemptId } = await openPractice(user, COMMAND_TASK.id);
    if (seed !== undefined) await suite.db.attempt.update({ where: { id: attemptId }, data: { seed } });
    const opened = await openTerminal(user, attemptId);
    const row = await suite.db.terminalSession.findUniqueOrThrow({ where: { id: opened.sessionId } });
    return { user, attemptId, opened, createdAt: row.createdAt, seed: row.seed };
  }

  const SCRIPT: [number, string][] = [
    [5, "kubectl run web --image=nginx:1.27"],
    [7, "kubectl get pods"],
    [65, "kubectl get pods -o wide"],
    [66, "kubectl describe pod web | grep -i image"],
    [70, "echo $?"],
  ];

  it("runs commands at wall-clock virtual time and replays them identically after a restart", async () => {
    const first = await startSession();
    expect(first.opened).toMatchObject({ history: [], prompt: { namespace: "default", context: null }, readOnly: false });
    const outputs: string[] = [];
    for (const [seconds, line] of SCRIPT) {
      const result = await runTerminalCommand(first.user, first.opened.sessionId, line, at(first.createdAt, seconds));
      expect(result.virtualAt).toBeCloseTo(seconds, 3);
      outputs.push(result.output);
    }
    expect(outputs[0]).toBe("pod/web created\n");
    expect(outputs[1]).toMatch(/^NAME\s+READY\s+STATUS/);
    expect(outputs[2]).toMatch(/web\s+1\/1\s+Running/);
    expect(outputs[4]).toBe("0\n");

    // Another learner's attempt on the same seed, every command run on a cold cache (as after a
    // restart, or on another instance): the replayed cluster prints the same, byte for byte.
    const second = await startSession(first.seed);
    for (const [i, [seconds, line]] of SCRIPT.entries()) {
      clearTerminalCache();
      const result = await runTerminalCommand(second.user, second.opened.sessionId, line, at(second.createdAt, seconds));
      expect(result.output).toBe(outputs[i]);
    }

    const reopened = await openTerminal(first.user, first.attemptId);
    expect(reopened.sessionId).toBe(first.opened.sessionId);
    expect(reopened.history.map((h) => [h.virtualAt, h.input, h.output])).toEqual(SCRIPT.map(([s, line], i) => [s, line, outputs[i]]));
  });

  it("turns the log into a kubesim script that grades the task by replay", async () => {
    const { user, attemptId, opened, createdAt } = await startSession();
    await runTerminalCommand(user, opened.sessionId, "kubectl run web --image=nginx:1.27", at(createdAt, 12));
    await runTerminalCommand(user, opened.sessionId, "sleep 20", at(createdAt, 15));
    // Wall clock says 30 s, but the sleep already took the cluster to 35 s: virtual time never goes back.
    const late = await runTerminalCommand(user, opened.sessionId, "kubectl get pod web", at(createdAt, 30));
    expect(late.virtualAt).toBeCloseTo(35, 3);
    const answer = await terminalAnswer(user, opened.sessionId);
    expect(answer).toEqual({
      type: "sim",
      commands: "sleep 12\nkubectl run web --image=nginx:1.27\nsleep 3\nsleep 20\nkubectl get pod web\n",
    });
    const graded = await submitAnswer(user, attemptId, answer, `terminal-${opened.sessionId}`);
    expect(graded.result).toMatchObject({ status: "graded", percent: 1 });

    // The attempt is closed: its terminal opens read-only and takes no more commands.
    expect((await openTerminal(user, attemptId)).readOnly).toBe(true);
    expect(await codeOf(runTerminalCommand(user, opened.sessionId, "kubectl get pods"))).toBe("CONFLICT");
  });

  it("keeps another user out of a terminal", async () => {
    const { attemptId, opened } = await startSession();
    const intruder = await makeLearner(suite.db);
    expect(await codeOf(openTerminal(intruder, attemptId))).toBe("NOT_FOUND");
    expect(await codeOf(runTerminalCommand(intruder, opened.sessionId, "kubectl get pods"))).toBe("NOT_FOUND");
    expect(await codeOf(terminalAnswer(intruder, opened.sessionId))).toBe("NOT_FOUND");
    expect(await suite.db.terminalCommand.count({ where: { sessionId: opened.sessionId } })).toBe(0);
  });

  it("refuses a terminal for a choice question", async () => {
    const user = await makeLearner(suite.db);
    const { attemptId } = await openPractice(user, SINGLE_CHOICE.id);
    expect(await codeOf(openTerminal(user, attemptId))).toBe("CONFLICT");
  });

  it("limits line length, commands per minute and commands per session", async () => {
    const { user, opened, createdAt } = await startSession();
    expect(await codeOf(runTerminalCommand(user, opened.sessionId, "x".repeat(terminal.MAX_LINE_BYTES + 1)))).toBe("VALIDATION");
    // Multi-byte characters count as bytes: 1366 × "é" (2 bytes) is over 4 KiB.
    expect(await codeOf(runTerminalCommand(user, opened.sessionId, `echo ${"é".repeat(2050)}`))).toBe("VALIDATION");

    const now = at(createdAt, 10);
    await suite.db.rateLimitBucket.create({ data: { key: `terminal:user:${user.id}`, count: terminal.COMMANDS_PER_USER.limit - 2, windowStart: now } });
    expect(await codeOf(runTerminalCommand(user, opened.sessionId, "echo 59", now))).toBe("ok");
    expect(await codeOf(runTerminalCommand(user, opened.sessionId, "echo 60", now))).toBe("ok");
    expect(await codeOf(runTerminalCommand(user, opened.sessionId, "echo 61", now))).toBe("RATE_LIMITED");
    // A minute later the window has passed.
    expect(await codeOf(runTerminalCommand(user, opened.sessionId, "echo again", at(createdAt, 75)))).toBe("ok");

    const count = await suite.db.terminalCommand.count({ where: { sessionId: opened.sessionId } });
    await suite.db.terminalCommand.createMany({
      data: Array.from({ length: terminal.MAX_COMMANDS_PER_SESSION - count }, (_, i) => ({
        sessionId: opened.sessionId,
        seq: count + i,
        input: "true",
        virtualAt: 80,
        exitCode: 0,
        output: "",
      })),
    });
    clearTerminalCache();
    expect(await codeOf(runTerminalCommand(user, opened.sessionId, "kubectl get pods", at(createdAt, 200)))).toBe("CONFLICT");
  });
});
