import { describe, expect, it } from "vitest";
import { cursorContext, documentType, keyAt } from "@/components/editor/yaml-path";

// "‸" marks the cursor.
function at(source: string) {
  const offset = source.indexOf("‸");
  return { text: source.slice(0, offset) + source.slice(offset + 1), offset };
}

describe("cursorContext", () => {
  const table: [string, string, ReturnType<typeof cursorContext>][] = [
    ["top level", "apiVersion: v1\nki‸", { kind: "key", path: [], prefix: "ki", from: 15 }],
    ["under spec", "kind: Pod\nspec:\n  rest‸", { kind: "key", path: ["spec"], prefix: "rest", from: 18 }],
    [
      "sibling of a dash line in a list item",
      "spec:\n  containers:\n  - name: web\n    ima‸",
      { kind: "key", path: ["spec", "containers"], prefix: "ima", from: 38 },
    ],
    [
      "a new list item at the parent's column",
      "spec:\n  containers:\n  - name: a\n  - na‸",
      { kind: "key", path: ["spec", "containers"], prefix: "na", from: 36 },
    ],
    [
      "deep: probe under a container, past siblings with values",
      "spec:\n  containers:\n  - name: web\n    image: nginx\n    readinessProbe:\n      httpGet:\n        po‸",
      { kind: "key", path: ["spec", "containers", "readinessProbe", "httpGet"], prefix: "po", from: 94 },
    ],
    ["value of a key", "spec:\n  restartPolicy: Ne‸", { kind: "value", path: ["spec"], key: "restartPolicy", prefix: "Ne", from: 23 }],
    [
      "value inside a list item on the dash line",
      "spec:\n  containers:\n  - imagePullPolicy: ‸",
      { kind: "value", path: ["spec", "containers"], key: "imagePullPolicy", prefix: "", from: 41 },
    ],
    [
      "a key on a dash line is the parent of deeper lines",
      "spec:\n  volumes:\n  - configMap:\n      na‸",
      { kind: "key", path: ["spec", "volumes", "configMap"], prefix: "na", from: 38 },
    ],
  ];
  for (const [name, source, expected] of table) {
    it(name, () => {
      const { text, offset } = at(source);
      expect(cursorContext(text, offset)).toEqual(expected);
    });
  }

  it("is null inside a block scalar", () => {
    const { text, offset } = at("spec:\n  containers:\n  - args:\n    - |\n      ech‸");
    expect(cursorContext(text, offset)).toBeNull();
    const second = at("data:\n  script: |\n    ech‸");
    expect(cursorContext(second.text, second.offset)).toBeNull();
  });

  it("is null below a key that already has a scalar value", () => {
    const { text, offset } = at("metadata:\n  name: web\n    la‸");
    expect(cursorContext(text, offset)).toBeNull();
  });

  it("stops at a document separator", () => {
    const { text, offset } = at("spec:\n  x: 1\n---\nkin‸");
    expect(cursorContext(text, offset)).toEqual({ kind: "key", path: [], prefix: "kin", from: 17 });
  });
});

describe("keyAt", () => {
  it("finds the field under the cursor and its path", () => {
    const { text, offset } = at("spec:\n  containers:\n  - name: web\n    readi‸nessProbe:\n");
    expect(keyAt(text, offset)).toEqual({ path: ["spec", "containers"], key: "readinessProbe", from: 38, to: 52 });
  });
  it("is null over a value", () => {
    const { text, offset } = at("spec:\n  restartPolicy: Nev‸er\n");
    expect(keyAt(text, offset)).toBeNull();
  });
});

describe("documentType", () => {
  const text = "apiVersion: v1\nkind: Pod\nmetadata: {}\n---\napiVersion: apps/v1\nkind: Deployment\nspec: {}\n";
  it("reads apiVersion and kind of the document holding the offset", () => {
    expect(documentType(text, 5)).toEqual({ apiVersion: "v1", kind: "Pod" });
    expect(documentType(text, text.indexOf("spec"))).toEqual({ apiVersion: "apps/v1", kind: "Deployment" });
  });
  it("is null without a kind", () => {
    expect(documentType("apiVersion: v1\n", 3)).toBeNull();
  });
});
