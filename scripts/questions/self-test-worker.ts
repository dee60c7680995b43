// One worker of questions:check's pool: receives { question, file }, replies with its self-test result.
import { parentPort, workerData } from "node:worker_threads";
import type { TQuestion } from "../../lib/questions/schema";
import { selfTest, type TSelfTestOptions } from "./self-test";

const opts = workerData as TSelfTestOptions;
parentPort!.on("message", (msg: { question: TQuestion; file: string }) => {
  let result;
  try {
    result = selfTest(msg.question, msg.file, opts);
  } catch (e) {
    result = { id: msg.question.id, file: msg.file, failures: [`${msg.file}: self-test crashed: ${e instanceof Error ? e.stack : String(e)}`], simulations: 0, ms: 0 };
  }
  parentPort!.postMessage(result);
});
