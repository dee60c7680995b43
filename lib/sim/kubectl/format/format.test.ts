import { describe, expect, it } from "vitest";
import { hasKubectl, kubectlPrint } from "../../../../tests/golden/kubectl/real-kubectl";
import { toJson } from "./json";
import { evaluateJsonPath, relaxedJsonPathExpression } from "./jsonpath";
import { formatAge, formatRfc1123z, humanDuration, parseTimestamp, shortHumanDuration } from "./time";
import { compareYamlKeys, toYaml } from "./yaml";

const LONG = "aaaa bbbb cccc dddd eeee ffff gggg hhhh iiii jjjj kkkk llll mmmm nnnn oooo pppp qqqq rrrr ssss tttt uuuu";

const tricky = {
  apiVersion: "v1",
  kind: "ConfigMap",
  metadata: {
    name: "tricky",
    namespace: "default",
    labels: { b: "1", a: "yes", c: "a: b", d: "2024-01-01", e: "x", "app.kubernetes.io/name": "web" },
    annotations: {
      long: LONG,
      longquoted: `it's ${LONG}`,
      multi: "line1\nline2\n",
      multi2: "line1\n  line2",
      multi3: "  lead\nline",
      multi4: "a\n\n",
      trailing: "x ",
      tab: "a\tb",
      html: "<b>&</b>",
      hash: "a #b",
      hash2: "#x",
      dash: "- x",
      star: "*x",
      colon: "a:b",
      empty: "",
      nul: "null",
      tilde: "~",
      num: "0x1F",
      oct: "0755",
      float: "1.5e3",
      dot: ".5",
      inf: ".inf",
      time: "2024-01-01T10:00:00Z",
      ver: "1.2.3",
      ver2: "1:30",
      uni: "héllo 世界",
      quote: '"q"',
      "1key": "v",
      key10: "v",
      key9: "v",
      "Key": "v",
      _u: "v",
    },
  },
  data: { "config.json": '{"a": 1}\n', "script.sh": "#!/bin/sh\necho hi\n", plain: "value" },
};

const pod = {
  apiVersion: "v1",
  kind: "Pod",
  metadata: { name: "web", namespace: "default", labels: { run: "web" }, creationTimestamp: "2024-05-01T10:00:00Z" },
  spec: {
    containers: [
      { name: "web", image: "nginx:1.27", ports: [{ containerPort: 80, protocol: "TCP" }], args: ["sh", "-c", "echo hi; sleep 3600"], resources: {} },
      { name: "side", image: "busybox", command: ["sleep", "10"], env: [{ name: "A", value: "1" }], resources: { limits: { cpu: "500m", memory: "128Mi" } } },
    ],
    restartPolicy: "Always",
    terminationGracePeriodSeconds: 30,
    tolerations: [],
    nodeSelector: {},
    volumes: [{ name: "v", emptyDir: {} }],
  },
  status: { phase: "Running", podIPs: [{ ip: "10.244.0.5" }], conditions: [{ type: "Ready", status: "True", lastProbeTime: null }] },
};

describe("time", () => {
  it("parses and formats timestamps", () => {
    const t = parseTimestamp("2026-11-23T16:44:55Z")!;
    expect(formatRfc1123z(t)).toBe("Mon, 23 Nov 2026 16:44:55 +0000");
    expect(parseTimestamp("1970-01-01T00:00:01.5Z")).toBe(1500);
    expect(parseTimestamp("1970-01-01T01:00:00+01:00")).toBe(0);
    expect(parseTimestamp("garbage")).toBeUndefined();
  });
  it.each([
    [0, "0s"], [-1500, "0s"], [-2500, "<invalid>"], [59_000, "59s"], [119_000, "119s"], [120_000, "2m"], [150_000, "2m30s"],
    [600_000, "10m"], [179 * 60_000, "179m"], [180 * 60_000, "3h"], [190 * 60_000, "3h10m"], [8 * 3600_000, "8h"],
    [47 * 3600_000, "47h"], [48 * 3600_000, "2d"], [50 * 3600_000, "2d2h"], [8 * 86400_000, "8d"], [800 * 86400_000, "2y70d"],
    [730 * 86400_000, "2y"], [9 * 365 * 86400_000, "9y"],
  ])("HumanDuration(%i ms) = %s", (ms, want) => {
    expect(humanDuration(ms)).toBe(want);
  });
  it.each([[59_000, "59s"], [60_000, "1m"], [3599_000, "59m"], [3600_000, "1h"], [86400_000, "1d"], [400 * 86400_000, "1y"]])(
    "ShortHumanDuration(%i) = %s",
    (ms, want) => expect(shortHumanDuration(ms)).toBe(want),
  );
  it("formats ages", () => {
    expect(formatAge("2024-01-01T00:00:00Z", parseTimestamp("2024-01-01T00:05:30Z")!)).toBe("5m30s");
    expect(formatAge(undefined, 0)).toBe("<unknown>");
  });
});

describe("yaml keys", () => {
  it("orders keys like go-yaml v2", () => {
    const keys = ["key10", "key9", "b", "a", "Key", "_u", "1key", "a-b", "ab"];
    expect([...keys].sort(compareYamlKeys)).toEqual(["_u", "1key", "Key", "a", "a-b", "ab", "b", "key9", "key10"]);
  });
  it("prints a List like kubectl", () => {
    expect(toYaml({ apiVersion: "v1", items: [], kind: "List", metadata: { resourceVersion: "" } })).toBe(
      'apiVersion: v1\nitems: []\nkind: List\nmetadata:\n  resourceVersion: ""\n',
    );
  });
});

describe("jsonpath", () => {
  const list = { apiVersion: "v1", kind: "List", items: [pod, { ...pod, metadata: { ...pod.metadata, name: "api" } }] };
  it.each([
    ["{.items[*].metadata.name}", "web api"],
    ['{range .items[*]}{.metadata.name}{"\\n"}{end}', "web\napi\n"],
    ['{.items[0].spec.containers[?(@.name=="side")].image}', "busybox"],
    ["{.items[-1].metadata.name}", "api"],
    ["{.items[0].spec.containers[*].ports[0].containerPort}", "80"],
    ["{.items[0].metadata.labels}", '{"run":"web"}'],
    ["{.items[0].status.podIPs}", '[{"ip":"10.244.0.5"}]'],
    ["{.items[0].metadata.missing}", ""],
    ["{.items[0].metadata['name']}", "web"],
    ["{..image}", "nginx:1.27 busybox nginx:1.27 busybox"],
    ["{.items[0].spec.containers[0:1].name}", "web"],
    ["{.items[*].spec.containers[?(@.env)].name}", "side side"],
    ["{.kind} items", "List items"],
  ])("%s", (template, want) => {
    expect(evaluateJsonPath(template, list)).toEqual({ ok: true, text: want });
  });
  it("reports parse errors in kubectl's words", () => {
    expect(evaluateJsonPath("{.foo", pod)).toEqual({ ok: false, error: "error parsing jsonpath {.foo, unclosed action\n" });
  });
  it("reports execution errors in kubectl's words", () => {
    const r = evaluateJsonPath("{end}", { a: "1" });
    expect(r).toEqual({
      ok: false,
      error:
        'error executing jsonpath "{end}": Error executing template: not in range, nothing to end. Printing more information for debugging the template:\n' +
        "\ttemplate was:\n\t\t{end}\n\tobject given to jsonpath engine was:\n\t\tmap[string]interface {}{\"a\":\"1\"}\n\n\n",
    });
    const r2 = evaluateJsonPath("{.items[5]}", list);
    expect(r2.ok).toBe(false);
    if (!r2.ok) expect(r2.error).toContain("array index out of bounds: index 5, length 2");
  });
  it("relaxes custom-columns expressions", () => {
    expect(relaxedJsonPathExpression("metadata.name")).toEqual({ ok: true, value: "{.metadata.name}" });
    expect(relaxedJsonPathExpression("{.spec}")).toEqual({ ok: true, value: "{.spec}" });
    expect(relaxedJsonPathExpression("{a}{b}").ok).toBe(false);
  });
});

describe.skipIf(!hasKubectl)("against real kubectl", { timeout: 60_000 }, () => {
  it.each([["tricky", tricky], ["pod", pod]])("-o yaml matches (%s)", (_name, obj) => {
    const real = kubectlPrint([obj], "yaml");
    expect(real.stderr).toBe("");
    expect(toYaml(obj)).toBe(real.stdout);
  });
  it.each([["tricky", tricky], ["pod", pod]])("-o json matches (%s)", (_name, obj) => {
    const real = kubectlPrint([obj], "json");
    expect(toJson(obj)).toBe(real.stdout);
  });
  it.each([
    "{.metadata.annotations}",
    "{.spec.containers[*].name}",
    '{range .spec.containers[*]}{.name}{"\\t"}{.image}{"\\n"}{end}',
    "{.spec.containers[?(@.name==\"side\")].resources.limits.cpu}",
    "{.spec.containers[1].env[0]}",
    "{.status.conditions[0].lastProbeTime}",
    "{.spec.terminationGracePeriodSeconds}",
    "{.metadata.name}{.metadata.nope}",
    "{.spec.containers[*]['name','image']}",
    "{.spec.containers[0,1].name}",
    // Recursive descent visits Go map keys in random order, so only paths with a single match are compared.
    "{..containerPort}",
    "{.spec.containers[-1:].name}",
    "{.spec.containers[::2].name}",
    "{.spec.containers[?(@.resources.limits)].name}",
    "{.spec.containers[?(@.ports[0].containerPort==80)].name}",
    "{.spec.containers[?(@.ports[0].containerPort>79)].name}",
    '{range .spec.containers[*]}{.name}{":"}{range .env[*]}{.name}={.value}{" "}{end}{"\\n"}{end}',
    '{range .status.conditions[*]}[{.type}={.status}]{end}',
    "{.metadata.labels.run}",
    "{$.kind}",
    "{.spec.volumes[0].emptyDir}",
    "{.status.podIPs[*].ip}",
    "{.spec.containers[*].args[*]}",
    "{.spec.containers[0].ports}",
    "text only",
    "{.spec.containers[5].name}",
    "{.spec.containers[0].name.x}",
    "{.spec.containers[?(@.name=='web')].image}",
    "{.kind}{'\\t'}{.apiVersion}",
  ])("jsonpath %s matches", (template) => {
    const real = kubectlPrint([pod], `jsonpath=${template}`);
    const ours = evaluateJsonPath(template, pod);
    if (real.status !== 0) {
      expect(ours.ok).toBe(false);
      if (!ours.ok) expect(real.stderr.split("\n")[0]).toBe(`error: ${ours.error.split("\n")[0]}`);
      return;
    }
    expect(ours).toEqual({ ok: true, text: real.stdout });
  });
  it.each(["{.metadata.name[0]}", "{.spec.containers[5].name}", "{.spec.containers[?(@.name)]", "{end}"])("jsonpath error %s matches byte for byte", (template) => {
    const real = kubectlPrint([pod], `jsonpath=${template}`);
    const ours = evaluateJsonPath(template, JSON.parse(JSON.stringify(pod)));
    expect(ours.ok).toBe(false);
    if (!ours.ok) expect(`error: ${ours.error}`).toBe(real.stderr);
  });
});
