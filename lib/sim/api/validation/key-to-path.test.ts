// validateKeyToPath (pkg/apis/core/validation): configMap/secret volume `items` entries, also inside
// projected volumes, need a key and a relative path that does not climb out of the volume.
import { describe, expect, it } from "vitest";
import { createCluster } from "../../index";
import { KubectlSession } from "../../kubectl/session";

function applyPod(volumes: string): string {
  const s = new KubectlSession(createCluster({ seed: 1 }));
  const manifest = `apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers: [{name: c, image: busybox}]\n  volumes:\n${volumes}`;
  return s.runLine("kubectl apply -f -", { stdin: manifest }).stderr;
}

describe("configMap and secret volume items", () => {
  it("rejects a missing path or key, absolute paths and '..'", () => {
    const err = applyPod(`  - name: v
    configMap:
      name: cm
      items:
      - key: a
      - path: /abs
      - key: b
        path: x/../y
      - key: c
        path: ..data
        mode: 1000
`);
    expect(err).toBe(
      'The Pod "p" is invalid: \n' +
        "* spec.volumes[0].configMap.items[0].path: Required value\n" +
        "* spec.volumes[0].configMap.items[1].key: Required value\n" +
        '* spec.volumes[0].configMap.items[1].path: Invalid value: "/abs": must be a relative path\n' +
        "* spec.volumes[0].configMap.items[2].path: Invalid value: \"x/../y\": must not contain '..'\n" +
        "* spec.volumes[0].configMap.items[3].path: Invalid value: \"..data\": must not start with '..'\n" +
        "* spec.volumes[0].configMap.items[3].mode: Invalid value: 1000: must be a number between 0 and 0777 (octal), both inclusive\n",
    );
  });

  it("checks secret and projected items too, and accepts valid ones", () => {
    const err = applyPod(`  - name: s
    secret:
      secretName: s
      items: [{key: a}]
  - name: p
    projected:
      sources:
      - configMap: {name: cm, items: [{key: a, path: sub/a.txt}, {path: b}]}
`);
    expect(err).toBe(
      'The Pod "p" is invalid: \n' +
        "* spec.volumes[0].secret.items[0].path: Required value\n" +
        "* spec.volumes[1].projected.sources[0].configMap.items[1].key: Required value\n",
    );
  });
});
