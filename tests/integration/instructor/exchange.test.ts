// Exporting the bank for Moodle: instructors get GIFT and Moodle XML of the exportable questions (the
// simulator task is left out); students are refused.
import { beforeAll, expect, it, vi } from "vitest";
import { describeEachProvider } from "../helpers/test-db";
import { codeOf, dbVia, makeActor, seedFixtures, SINGLE_CHOICE, type TAuthHolder } from "./harness";
import { fromGift } from "@/lib/exchange/gift";
import { fromMoodleXml } from "@/lib/exchange/moodle-xml";

const holder = vi.hoisted(() => ({ db: undefined, session: null }) as TAuthHolder);
vi.mock("server-only", () => ({}));
vi.mock("@/lib/db", async () => ({ ...(await import("@/lib/db/client")), db: dbVia(holder) }));

const { exportBank } = await import("@/lib/server/exchange");

describeEachProvider("bank export", (suite) => {
  beforeAll(async () => {
    holder.db = suite.db;
    await seedFixtures(suite.db);
  });

  it("exports the choice question as GIFT and Moodle XML that read back, without the simulator task", async () => {
    const instructor = await makeActor(suite.db, "INSTRUCTOR");
    const gift = await exportBank(instructor, { format: "gift", locale: "en" });
    expect(gift).toMatchObject({ count: 1, filename: "kubedrill-bank-en.gift.txt" });
    const back = fromGift(gift.body);
    expect(back.errors).toEqual([]);
    expect(back.questions).toEqual([expect.objectContaining({ kind: "single-choice", name: SINGLE_CHOICE.id })]);

    const xml = await exportBank(instructor, { format: "moodle-xml", locale: "zh", topic: "restart-policy" });
    expect(xml.contentType).toContain("application/xml");
    const parsed = fromMoodleXml(xml.body);
    expect(parsed.questions.map((q) => q.text)).toEqual([SINGLE_CHOICE.prompt.zh]);
  });

  it("refuses students", async () => {
    const student = await makeActor(suite.db, "STUDENT");
    expect(await codeOf(exportBank(student, { format: "gift", locale: "en" }))).toBe("FORBIDDEN");
  });
});
