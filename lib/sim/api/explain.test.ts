// Expected texts follow kubectl v1.32's explain/v2 plaintext.tmpl and funcs.go (wrap drops line breaks,
// then go-wordwrap at 76/78-indent columns; indent pads each line), applied to the generated schema.
import { describe, expect, it } from "vitest";
import { explain } from "./explain";

function text(resource: string, options = {}): string {
  const result = explain(resource, [], options);
  if (!result.ok) throw new Error(result.error);
  return result.text;
}

describe("explain", () => {
  it("renders a field of a primitive type with its enum", () => {
    expect(text("pods.spec.restartPolicy")).toBe(
      [
        "KIND:       Pod",
        "VERSION:    v1",
        "",
        "FIELD: restartPolicy <string>",
        "ENUM:",
        "    Always",
        "    Never",
        "    OnFailure",
        "",
        "DESCRIPTION:",
        "    Restart policy for all containers within the pod. One of Always, OnFailure,",
        "    Never. In some contexts, only a subset of those values may be permitted.",
        "    Default to Always. More info:",
        "    https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/#restart-policyPossible",
        "    enum values: - `\"Always\"` - `\"Never\"` - `\"OnFailure\"`",
        "",
        "",
      ].join("\n"),
    );
  });

  it("renders a kind with its fields, descriptions wrapped at 80 columns", () => {
    const out = text("cm");
    expect(out.startsWith("KIND:       ConfigMap\nVERSION:    v1\n\nDESCRIPTION:\n    ConfigMap holds configuration data for pods to consume.\nFIELDS:\n  apiVersion\t<string>\n")).toBe(true);
    expect(out).toContain("  immutable\t<boolean>\n    Immutable, if set to true, ensures that data stored in the ConfigMap cannot\n");
    expect(out.endsWith("api-conventions.md#metadata\n\n\n")).toBe(true);
    for (const line of out.split("\n")) {
      if (!line.includes("https://")) expect(line.replace("\t", " ").length).toBeLessThanOrEqual(80);
    }
  });

  it("prints the group for non-core kinds, type hints and -required- markers", () => {
    const out = text("deploy.spec");
    expect(out.startsWith("GROUP:      apps\nKIND:       Deployment\nVERSION:    v1\n\nFIELD: spec <DeploymentSpec>\n\n\nDESCRIPTION:\n")).toBe(true);
    expect(out).toContain("  selector\t<LabelSelector> -required-\n");
    expect(out).toContain("  template\t<PodTemplateSpec> -required-\n");
    expect(out).toContain("  replicas\t<integer>\n");
    const ports = text("svc.spec.ports");
    expect(ports).toContain("  targetPort\t<IntOrString>\n");
    expect(ports).toContain("  port\t<integer> -required-\n");
    expect(text("po.spec.containers.resources")).toContain("  limits\t<map[string]Quantity>\n");
    expect(text("po.metadata")).toContain("  creationTimestamp\t<string>\n");
  });

  it("follows arrays into their item type and appends its description", () => {
    const out = text("pod.spec.containers");
    expect(out).toContain("FIELD: containers <[]Container>\n");
    expect(out).toContain("Cannot be\n    updated.A single application container that you want to run within a pod.\nFIELDS:\n");
    expect(text("pod.spec.containers.name")).toContain("FIELD: name <string>\n");
  });

  it("renders a field without enum with two blank lines after FIELD", () => {
    expect(text("cm.immutable").split("DESCRIPTION:")[0]).toBe("KIND:       ConfigMap\nVERSION:    v1\n\nFIELD: immutable <boolean>\n\n\n");
  });

  it("shows enum values under a field, at most four", () => {
    const out = text("pod.spec.containers");
    expect(out).toContain("  imagePullPolicy\t<string>\n  enum: Always, IfNotPresent, Never\n    Image pull policy.");
    expect(text("pod.spec")).toContain("  dnsPolicy\t<string>\n  enum: ClusterFirst, ClusterFirstWithHostNet, Default, None\n");
  });

  it("prints a recursive tree with two spaces per level", () => {
    const out = text("svc.spec.ports", { recursive: true });
    expect(out).toContain(
      "FIELDS:\n  appProtocol\t<string>\n  name\t<string>\n  nodePort\t<integer>\n  port\t<integer> -required-\n  protocol\t<string>\n  enum: SCTP, TCP, UDP\n  targetPort\t<IntOrString>\n\n",
    );
    expect(text("pod.spec", { recursive: true })).toContain("  containers\t<[]Container> -required-\n    args\t<[]string>\n");
  });

  it("reports kubectl's errors", () => {
    expect(explain("pod.spec.foo")).toEqual({ ok: false, error: 'error: field "foo" does not exist' });
    expect(explain("pod.spec.restartPolicy.x")).toEqual({ ok: false, error: 'error: field "x" does not exist' });
    expect(explain("foo")).toEqual({ ok: false, error: 'error: the server doesn\'t have a resource type "foo"' });
  });
});
