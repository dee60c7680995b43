// questions/syllabus.yaml and questions/notes/* are copies of the course's objectives and study
// notes in ../shared; they must stay identical. Skipped (with the reason printed) where ../shared is absent.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = process.cwd();
const shared = path.resolve(root, "..", "shared");
const present = existsSync(path.join(shared, "syllabus.yaml"));
if (!present) console.log(`shared-sync: skipped, ${shared}/syllabus.yaml does not exist`);

describe.skipIf(!present)("questions/ mirrors ../shared", () => {
  it("syllabus.yaml is identical", () => {
    expect(readFileSync(path.join(root, "questions", "syllabus.yaml"), "utf8")).toBe(readFileSync(path.join(shared, "syllabus.yaml"), "utf8"));
  });

  it("notes/* are identical, file for file", () => {
    const sharedNotes = readdirSync(path.join(shared, "notes")).sort();
    expect(readdirSync(path.join(root, "questions", "notes")).sort()).toEqual(sharedNotes);
    for (const f of sharedNotes) {
      expect(readFileSync(path.join(root, "questions", "notes", f), "utf8"), f).toBe(readFileSync(path.join(shared, "notes", f), "utf8"));
    }
  });
});
