import { describe, expect, it } from "vitest";
import { decodeObject } from "./decode";
import { resolveKind } from "./resources";

function decode(raw: Record<string, unknown>, fieldValidation?: "Strict" | "Warn" | "Ignore") {
  const kind = resolveKind(raw.apiVersion as string, raw.kind as string);
  if (!kind.ok) throw new Error(kind.error);
  return decodeObject(raw, kind.info, { fieldValidation });
}

function message(raw: Record<string, unknown>): string {
  const result = decode(raw);
  if (result.ok) throw new Error("expected a decoding error");
  return result.status.message;
}

const pod = (spec: unknown) => ({ apiVersion: "v1", kind: "Pod", metadata: { name: "web" }, spec });

describe("decodeObject", () => {
  it("reports every unknown field with its full path, in the order the API server meets them", () => {
    expect(message(pod({ foo: 1, containers: [{ name: "web", image: "nginx", imagePullPolice: "Always" }] }))).toBe(
      'Pod in version "v1" cannot be handled as a Pod: strict decoding error: unknown field "spec.containers[0].imagePullPolice", unknown field "spec.foo"',
    );
    expect(message({ apiVersion: "v1", kind: "Pod", metadata: { name: "a", lables: { a: "b" } } })).toBe(
      'Pod in version "v1" cannot be handled as a Pod: strict decoding error: unknown field "metadata.lables"',
    );
  });

  it.each([
    [pod({ containers: "web" }), "json: cannot unmarshal string into Go struct field PodSpec.spec.containers of type []v1.Container"],
    [
      pod({ containers: [{ name: "a", ports: [{ containerPort: "80" }] }] }),
      "json: cannot unmarshal string into Go struct field ContainerPort.spec.containers.ports.containerPort of type int32",
    ],
    [
      pod({ containers: [{ name: "a", env: [{ name: "X", value: true }] }] }),
      "json: cannot unmarshal bool into Go struct field EnvVar.spec.containers.env.value of type string",
    ],
    [pod({ terminationGracePeriodSeconds: "30" }), "json: cannot unmarshal string into Go struct field PodSpec.spec.terminationGracePeriodSeconds of type int64"],
    [pod({ containers: [{ name: "a", command: "sleep 10" }] }), "json: cannot unmarshal string into Go struct field Container.spec.containers.command of type []string"],
    [
      pod({ containers: [{ name: "a", resources: { limits: { memory: "1Gb" } } }] }),
      "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'",
    ],
    [
      { apiVersion: "apps/v1", kind: "Deployment", metadata: { name: "d" }, spec: { replicas: 1.5 } },
      "json: cannot unmarshal number 1.5 into Go struct field DeploymentSpec.spec.replicas of type int32",
    ],
    [
      { apiVersion: "v1", kind: "Service", metadata: { name: "s" }, spec: { ports: [{ port: 80, targetPort: true }] } },
      "json: cannot unmarshal bool into Go struct field ServicePort.spec.ports.targetPort of type int32",
    ],
    [{ apiVersion: "v1", kind: "ConfigMap", metadata: { name: "c", labels: { a: 1 } } }, "json: cannot unmarshal number into Go struct field ObjectMeta.metadata.labels of type string"],
  ])("type error %#", (raw, expected) => {
    const kind = (raw as { kind: string }).kind;
    expect(message(raw as Record<string, unknown>)).toBe(`${kind} in version "v1" cannot be handled as a ${kind}: ${expected}`);
  });

  it("canonicalizes quantities, drops nulls and keeps IntOrString as given", () => {
    const result = decode(
      pod({
        nodeName: null,
        containers: [{ name: "a", image: "b", resources: { limits: { cpu: 0.5, memory: "1024Mi" }, requests: { memory: "134217728" } } }],
      }),
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.object.spec).toEqual({
      containers: [{ name: "a", image: "b", resources: { limits: { cpu: "500m", memory: "1Gi" }, requests: { memory: "134217728" } } }],
    });
  });

  it("turns unknown fields into warnings with fieldValidation=Warn and ignores them with Ignore", () => {
    const warn = decode(pod({ containers: [{ name: "a", image: "b", foo: 1 }] }), "Warn");
    expect(warn.ok && warn.warnings).toEqual(['unknown field "spec.containers[0].foo"']);
    const ignore = decode(pod({ containers: [{ name: "a", image: "b", foo: 1 }] }), "Ignore");
    expect(ignore.ok && ignore.warnings).toEqual([]);
  });
});

describe("[]byte fields", () => {
  it.each([
    ["bXktc2VjcmV0", undefined],
    ["aGVsbG8=", undefined],
    ["aGk=\n", undefined],
    ["my-secret", 2],
    ["hello", 4],
    ["abc", 0],
    ["a===", 1],
    ["aGk=x", 4],
  ])("base64 %j → error offset %s", async (text, offset) => {
    const { base64ErrorOffset } = await import("./decode");
    expect(base64ErrorOffset(text)).toBe(offset);
  });

  it("refuses Secret data that is not base64, as the API server does", () => {
    expect(message({ apiVersion: "v1", kind: "Secret", metadata: { name: "s" }, data: { password: "admin-123" } })).toBe(
      'Secret in version "v1" cannot be handled as a Secret: illegal base64 data at input byte 5',
    );
    const ok = decode({ apiVersion: "v1", kind: "Secret", metadata: { name: "s" }, data: { password: "YWRtaW4=" } });
    expect(ok.ok).toBe(true);
  });
});

describe("Secret stringData", () => {
  it("merges into data as base64 and is not stored", () => {
    const result = decode({
      apiVersion: "v1",
      kind: "Secret",
      metadata: { name: "s" },
      data: { a: "b2xk", z: "eg==" },
      stringData: { a: "new", pass: "pässwörd" },
    });
    expect(result.ok && result.object.stringData).toBeUndefined();
    expect(result.ok && result.object.data).toEqual({ a: "bmV3", pass: "cMOkc3N3w7ZyZA==", z: "eg==" });
  });
});
