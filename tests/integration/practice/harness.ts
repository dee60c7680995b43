// Shared pieces for the practice integration tests: fixture questions (validated with the bank's own
// schema) seeded through prisma/seed-question-bank.ts, users, and the CurrentUser the guard would
// hand to lib/server. Each test file mocks "@/lib/db" with dbVia(holder) (see ../auth/harness.ts).
import type { TDb } from "@/lib/db/client";
import type { CurrentUser } from "@/lib/auth/guard";
import { hashContent } from "@/lib/bank/load-bank";
import { ZQuestion, type TQuestion } from "@/lib/questions/schema";
import { seedQuestionBank } from "@/prisma/seed-question-bank";
import { makeUser } from "../auth/harness";

export { dbVia, type TAuthHolder } from "../auth/harness";

const SOURCE = "003_6d1f2f67c12c14ba.txt#4.7.5 Pod中容器重启策略";

export const SINGLE_CHOICE = ZQuestion.parse({
  id: "restart-policy/fixture-default",
  topic: "restart-policy",
  objectives: ["restart-policy.values.default-always"],
  difficulty: "easy",
  type: "single-choice",
  prompt: { en: "Which restartPolicy does a Pod get by default?\nSecond line.", zh: "Pod 默认的 restartPolicy 是什么？" },
  explanation: { en: "Always is the default.", zh: "默认是 Always。" },
  sources: [SOURCE],
  choices: [
    { id: "always", text: { en: "Always", zh: "Always" } },
    { id: "never", text: { en: "Never", zh: "Never" }, feedback: { en: "Not the default.", zh: "不是默认值。" } },
    { id: "onfailure", text: { en: "OnFailure", zh: "OnFailure" } },
  ],
  answer: "always",
});

export const COMMAND_TASK = ZQuestion.parse({
  id: "pod-basics/fixture-run-web",
  topic: "pod-basics",
  objectives: ["pod-basics.create.imperative"],
  difficulty: "easy",
  type: "command",
  prompt: { en: "Run a Pod named web with image nginx:1.27.", zh: "运行名为 web、镜像为 nginx:1.27 的 Pod。" },
  explanation: { en: "kubectl run creates a Pod.", zh: "kubectl run 创建一个 Pod。" },
  sources: [SOURCE],
  task: { answer: "either", advance: 30 },
  checks: [
    {
      id: "exists",
      kind: "object",
      target: "pod/web",
      expect: [{ path: "spec.containers[0].image", equals: "nginx:1.27" }],
      description: { en: "Pod web runs nginx:1.27", zh: "Pod web 使用 nginx:1.27" },
      feedback: { en: "Check the name and image.", zh: "检查名称和镜像。" },
    },
    {
      id: "running",
      kind: "object",
      target: "pod/web",
      expect: [{ path: "status.phase", equals: "Running" }],
      description: { en: "Pod web is Running", zh: "Pod web 处于 Running" },
      feedback: { en: "The Pod must start.", zh: "Pod 必须启动。" },
    },
  ],
  solution: { commands: "kubectl run web --image=nginx:1.27\n" },
  tests: {
    wrong: [
      { fails: ["exists"], commands: "kubectl run web --image=nginx:1.26\n" },
      { fails: ["exists", "running"], commands: "kubectl run other --image=nginx:1.27\n" },
    ],
    invalid: { manifest: "kind: [oops\n" },
  },
});

export async function seedFixtures(db: TDb, questions: readonly TQuestion[] = [SINGLE_CHOICE, COMMAND_TASK]): Promise<void> {
  await seedQuestionBank(
    db,
    questions.map((q) => ({ id: q.id, topic: q.topic, type: q.type, contentHash: hashContent(q), content: JSON.parse(JSON.stringify(q)) })),
  );
}

export async function makeLearner(db: TDb): Promise<CurrentUser> {
  const row = await makeUser(db);
  return { id: row.id, email: row.email, name: row.name, role: "STUDENT", locale: null, timeMultiplier: 1, createdAt: row.createdAt };
}

export async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "ok";
  } catch (error) {
    return (error as { code?: string }).code ?? String(error);
  }
}
