// questions:lint — schema-only validation of the bank (fast; no simulation). Prints every error
// with file and path, then a per-topic count. Exit 1 on any error.
//   npx tsx scripts/questions/lint.ts [topic…]
import { loadBankSync } from "../../lib/bank/load-bank";

const only = new Set(process.argv.slice(2));
const bank = loadBankSync();
const errors = bank.errors.filter((e) => only.size === 0 || only.has(e.file.split("/")[0]));
for (const e of errors) console.error(`${e.file}${e.path ? ` ${e.path}` : ""}: ${e.message}`);
const byTopic = new Map<string, number>();
for (const q of bank.questions) byTopic.set(q.topic, (byTopic.get(q.topic) ?? 0) + 1);
for (const [t, n] of [...byTopic].sort()) if (only.size === 0 || only.has(t)) console.log(`${t}: ${n}`);
console.log(`${bank.questions.length} valid question(s), ${errors.length} error(s)`);
process.exit(errors.length ? 1 : 0);
