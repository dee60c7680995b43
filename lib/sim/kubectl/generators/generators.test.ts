import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { hasKubectl, runKubectlAsync, scratchDir } from "../../../../tests/golden/kubectl/real-kubectl";
import { toJson } from "../format/json";
import type { KubeObject } from "../format/kube-object";
import { toYaml } from "../format/yaml";
import type { FileReader, GenerateResult } from "./index";
import {
  generateAutoscale,
  generateConfigMap,
  generateCronJob,
  generateDeployment,
  generateExpose,
  generateIngress,
  generateJob,
  generateNamespace,
  generateRun,
  generateSecret,
  generateService,
  generateServiceAccount,
} from "./index";

const CERT = "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n";
const KEY = "-----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY-----\n";

// Files the --from-file / --from-env-file cases read, written to a scratch directory for the real kubectl.
const FILES: Record<string, string> = {
  "a.txt": "hello\n",
  "app.env": "k1=v1\n# comment\n\n  k2=v 2 \nK4\nURL=http://x?a=b\n",
  "bad.env": "export K=1\n",
  "dir/one": "x",
  "dir/two.conf": "yy\n",
  "index.html": "<h1>hi & bye</h1>\n",
};

const dir = hasKubectl ? scratchDir() : "";
if (hasKubectl) {
  for (const [name, content] of Object.entries(FILES)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), content);
  }
}

// The simulator's view of the same files (pure, no fs).
const files: FileReader = {
  read: (p) => FILES[p.replace(/^\.\//, "")],
  listDir: (p) => {
    const prefix = `${p.replace(/\/$/, "")}/`;
    const names = Object.keys(FILES).filter((f) => f.startsWith(prefix)).map((f) => f.slice(prefix.length));
    return names.length > 0 ? names : undefined;
  },
};

// A real-fs reader, to show the pure one above behaves the same for these inputs.
const fsFiles: FileReader = {
  read: (p) => {
    try {
      return readFileSync(path.join(dir, p), "utf8");
    } catch {
      return undefined;
    }
  },
  listDir: (p) => {
    try {
      return statSync(path.join(dir, p)).isDirectory() ? readdirSync(path.join(dir, p)) : undefined;
    } catch {
      return undefined;
    }
  },
};

type Case = [string, string[], () => GenerateResult];

const cases: Case[] = [
  ["run minimal", ["run", "web", "--image=nginx"], () => generateRun("web", { image: "nginx" })],
  [
    "run with port, labels, env, restart, pull policy",
    ["run", "web", "--image=nginx:1.27", "--port=80", "--labels=app=web,tier=fe", "--env=A=1", "--env=B=x=y", "--restart=Never", "--image-pull-policy=IfNotPresent"],
    () => generateRun("web", { image: "nginx:1.27", port: "80", labels: "app=web,tier=fe", env: ["A=1", "B=x=y"], restart: "Never", imagePullPolicy: "IfNotPresent" }),
  ],
  [
    "run --command",
    ["run", "bb", "--image=busybox", "--restart=OnFailure", "--command", "--", "sh", "-c", "sleep 10"],
    () => generateRun("bb", { image: "busybox", restart: "OnFailure", command: true, args: ["sh", "-c", "sleep 10"] }),
  ],
  ["run args after --", ["run", "bb", "--image=busybox", "--", "sleep", "3600"], () => generateRun("bb", { image: "busybox", args: ["sleep", "3600"] })],
  ["run namespace", ["run", "bb", "--image=busybox", "-n", "dev"], () => generateRun("bb", { image: "busybox", namespace: "dev" })],
  [
    "run annotations, privileged",
    ["run", "a", "--image=x", "--annotations=x=y", "--annotations=b=2", "--privileged"],
    () => generateRun("a", { image: "x", annotations: ["x=y", "b=2"], privileged: true }),
  ],
  ["run -i -t", ["run", "a", "--image=x", "-i", "-t"], () => generateRun("a", { image: "x", stdin: true, tty: true, dryRun: true })],
  ["run without NAME", ["run", "--image=x"], () => generateRun(undefined, { image: "x" })],
  ["run bad restart", ["run", "a", "--image=x", "--restart=Foo"], () => generateRun("a", { image: "x", restart: "Foo" })],
  ["run bad pull policy", ["run", "a", "--image=x", "--image-pull-policy=Bad"], () => generateRun("a", { image: "x", imagePullPolicy: "Bad" })],
  ["run bad port", ["run", "a", "--image=x", "--port=abc"], () => generateRun("a", { image: "x", port: "abc" })],
  ["run bad labels", ["run", "a", "--image=x", "--labels=a=b=c"], () => generateRun("a", { image: "x", labels: "a=b=c" })],
  ["run bad env", ["run", "a", "--image=x", "--env=bad"], () => generateRun("a", { image: "x", env: ["bad"] })],

  ["deployment", ["create", "deployment", "web", "--image=nginx"], () => generateDeployment("web", { image: ["nginx"] })],
  [
    "deployment replicas port namespace command",
    ["create", "deployment", "web", "--image=busybox", "--replicas=3", "--port=8080", "-n", "dev", "--", "sleep", "3600"],
    () => generateDeployment("web", { image: ["busybox"], replicas: "3", port: "8080", namespace: "dev", command: ["sleep", "3600"] }),
  ],
  [
    "deployment several images",
    ["create", "deployment", "web", "--image=nginx", "--image=registry.k8s.io/redis:7@sha256:abc", "--port=80"],
    () => generateDeployment("web", { image: ["nginx", "registry.k8s.io/redis:7@sha256:abc"], port: 80 }),
  ],
  ["deployment replicas hex", ["create", "deployment", "web", "--image=x", "--replicas=0x2"], () => generateDeployment("web", { image: ["x"], replicas: "0x2" })],
  ["deployment without NAME", ["create", "deployment", "--image=x"], () => generateDeployment(undefined, { image: ["x"] })],
  ["deployment bad replicas", ["create", "deployment", "web", "--image=x", "--replicas=x"], () => generateDeployment("web", { image: ["x"], replicas: "x" })],
  ["deployment bad port", ["create", "deployment", "web", "--image=x", "--port=x"], () => generateDeployment("web", { image: ["x"], port: "x" })],
  [
    "deployment images and command",
    ["create", "deployment", "web", "--image=x", "--image=y", "--", "sleep", "1"],
    () => generateDeployment("web", { image: ["x", "y"], command: ["sleep", "1"] }),
  ],

  ["service clusterip", ["create", "service", "clusterip", "web", "--tcp=80:8080", "--tcp=443"], () => generateService("clusterip", "web", { tcp: ["80:8080", "443"] })],
  ["service clusterip named target", ["create", "service", "clusterip", "web", "--tcp=80:http"], () => generateService("clusterip", "web", { tcp: ["80:http"] })],
  ["service headless", ["create", "service", "clusterip", "hl", "--clusterip=None"], () => generateService("clusterip", "hl", { clusterip: "None" })],
  ["service headless with port", ["create", "service", "clusterip", "hl", "--clusterip=None", "--tcp=80"], () => generateService("clusterip", "hl", { clusterip: "None", tcp: ["80"] })],
  ["service nodeport", ["create", "service", "nodeport", "np", "--tcp=80:80", "--node-port=30080"], () => generateService("nodeport", "np", { tcp: ["80:80"], nodePort: "30080" })],
  ["service loadbalancer", ["create", "service", "loadbalancer", "lb", "--tcp=80", "-n", "prod"], () => generateService("loadbalancer", "lb", { tcp: ["80"], namespace: "prod" })],
  ["service externalname", ["create", "service", "externalname", "ex", "--external-name=db.example.com"], () => generateService("externalname", "ex", { externalName: "db.example.com" })],
  ["service bad port", ["create", "service", "clusterip", "web", "--tcp=abc"], () => generateService("clusterip", "web", { tcp: ["abc"] })],
  ["service bad target", ["create", "service", "clusterip", "web", "--tcp=80:Bad_Name"], () => generateService("clusterip", "web", { tcp: ["80:Bad_Name"] })],
  ["service no ports", ["create", "service", "clusterip", "web"], () => generateService("clusterip", "web", {})],
  ["service without NAME", ["create", "service", "clusterip", "--tcp=80"], () => generateService("clusterip", undefined, { tcp: ["80"] })],
  ["service bad external name", ["create", "service", "externalname", "ex", "--external-name=Bad_Name"], () => generateService("externalname", "ex", { externalName: "Bad_Name" })],

  [
    "configmap literals and files",
    ["create", "configmap", "cm", "--from-literal=a=1", "--from-literal=b=x y", "--from-literal=q='q'", "--from-file=a.txt", "--from-file=key=a.txt", "--from-file=dir", "--from-file=index.html"],
    () => generateConfigMap("cm", { fromLiteral: ["a=1", "b=x y", "q='q'"], fromFile: ["a.txt", "key=a.txt", "dir", "index.html"] }, files),
  ],
  ["configmap env file", ["create", "configmap", "cm", "--from-env-file=app.env", "-n", "dev"], () => generateConfigMap("cm", { fromEnvFile: ["app.env"], namespace: "dev" }, files)],
  ["configmap empty", ["create", "configmap", "cm"], () => generateConfigMap("cm", {}, files)],
  ["configmap duplicate key", ["create", "configmap", "cm", "--from-literal=a=1", "--from-literal=a=2"], () => generateConfigMap("cm", { fromLiteral: ["a=1", "a=2"] }, files)],
  ["configmap bad literal", ["create", "configmap", "cm", "--from-literal=a"], () => generateConfigMap("cm", { fromLiteral: ["a"] }, files)],
  ["configmap bad key", ["create", "configmap", "cm", "--from-literal=bad key=1"], () => generateConfigMap("cm", { fromLiteral: ["bad key=1"] }, files)],
  ["configmap missing file", ["create", "configmap", "cm", "--from-file=nope"], () => generateConfigMap("cm", { fromFile: ["nope"] }, files)],
  ["configmap key for dir", ["create", "configmap", "cm", "--from-file=d=dir"], () => generateConfigMap("cm", { fromFile: ["d=dir"] }, files)],
  ["configmap file key missing", ["create", "configmap", "cm", "--from-file==a.txt"], () => generateConfigMap("cm", { fromFile: ["=a.txt"] }, files)],
  ["configmap file path missing", ["create", "configmap", "cm", "--from-file=k="], () => generateConfigMap("cm", { fromFile: ["k="] }, files)],
  ["configmap file two =", ["create", "configmap", "cm", "--from-file=a=b=c"], () => generateConfigMap("cm", { fromFile: ["a=b=c"] }, files)],
  ["configmap env + literal", ["create", "configmap", "cm", "--from-env-file=app.env", "--from-literal=a=1"], () => generateConfigMap("cm", { fromEnvFile: ["app.env"], fromLiteral: ["a=1"] }, files)],
  ["configmap env dir", ["create", "configmap", "cm", "--from-env-file=dir"], () => generateConfigMap("cm", { fromEnvFile: ["dir"] }, files)],
  ["configmap bad env line", ["create", "configmap", "cm", "--from-env-file=bad.env"], () => generateConfigMap("cm", { fromEnvFile: ["bad.env"] }, files)],
  ["configmap without NAME", ["create", "configmap"], () => generateConfigMap(undefined, {}, files)],

  [
    "secret generic",
    ["create", "secret", "generic", "s", "--from-literal=user=admin", "--from-literal=pw=p@ss=<w>", "--from-file=a.txt"],
    () => generateSecret("generic", "s", { fromLiteral: ["user=admin", "pw=p@ss=<w>"], fromFile: ["a.txt"] }, files),
  ],
  ["secret generic typed", ["create", "secret", "generic", "s", "--from-literal=a=1", "--type=kubernetes.io/basic-auth"], () => generateSecret("generic", "s", { fromLiteral: ["a=1"], type: "kubernetes.io/basic-auth" }, files)],
  ["secret generic env", ["create", "secret", "generic", "s", "--from-env-file=app.env"], () => generateSecret("generic", "s", { fromEnvFile: ["app.env"] }, files)],
  ["secret generic empty", ["create", "secret", "generic", "s"], () => generateSecret("generic", "s", {}, files)],
  ["secret duplicate key", ["create", "secret", "generic", "s", "--from-literal=a=1", "--from-literal=a=2"], () => generateSecret("generic", "s", { fromLiteral: ["a=1", "a=2"] }, files)],
  ["secret bad key", ["create", "secret", "generic", "s", "--from-literal=b k=1"], () => generateSecret("generic", "s", { fromLiteral: ["b k=1"] }, files)],
  [
    "secret docker-registry",
    ["create", "secret", "docker-registry", "reg", "--docker-server=r.io", "--docker-username=u", "--docker-password=p<&>", "--docker-email=e@x"],
    () => generateSecret("docker-registry", "reg", { dockerServer: "r.io", dockerUsername: "u", dockerPassword: "p<&>", dockerEmail: "e@x" }, files),
  ],
  [
    "secret docker-registry default server",
    ["create", "secret", "docker-registry", "reg", "--docker-username=u", "--docker-password=p"],
    () => generateSecret("docker-registry", "reg", { dockerUsername: "u", dockerPassword: "p" }, files),
  ],
  ["secret docker-registry missing", ["create", "secret", "docker-registry", "reg"], () => generateSecret("docker-registry", "reg", {}, files)],
  ["secret tls missing flags", ["create", "secret", "tls", "t"], () => generateSecret("tls", "t", {}, files)],
  ["secret tls not PEM", ["create", "secret", "tls", "t", "--cert=a.txt", "--key=a.txt"], () => generateSecret("tls", "t", { cert: "a.txt", key: "a.txt" }, files)],
  ["secret tls missing file", ["create", "secret", "tls", "t", "--cert=nope", "--key=a.txt"], () => generateSecret("tls", "t", { cert: "nope", key: "a.txt" }, files)],

  ["job", ["create", "job", "j", "--image=busybox"], () => generateJob("j", { image: "busybox" })],
  ["job command", ["create", "job", "j", "--image=busybox", "-n", "dev", "--", "echo", "hi"], () => generateJob("j", { image: "busybox", namespace: "dev", command: ["echo", "hi"] })],
  ["job without image", ["create", "job", "j"], () => generateJob("j", {})],
  ["job image and from", ["create", "job", "j", "--from=cronjob/x", "--image=y"], () => generateJob("j", { from: "cronjob/x", image: "y" })],
  ["job without NAME", ["create", "job", "--image=x"], () => generateJob(undefined, { image: "x" })],

  ["cronjob", ["create", "cronjob", "cj", "--image=busybox", "--schedule=*/1 * * * *"], () => generateCronJob("cj", { image: "busybox", schedule: "*/1 * * * *" })],
  [
    "cronjob restart command",
    ["create", "cronjob", "cj", "--image=busybox", "--schedule=0 0 * * *", "--restart=Never", "--", "date"],
    () => generateCronJob("cj", { image: "busybox", schedule: "0 0 * * *", restart: "Never", command: ["date"] }),
  ],

  ["namespace", ["create", "namespace", "dev"], () => generateNamespace("dev")],
  ["namespace without NAME", ["create", "namespace"], () => generateNamespace(undefined)],
  ["serviceaccount", ["create", "serviceaccount", "bot"], () => generateServiceAccount("bot")],
  ["serviceaccount namespaced", ["create", "serviceaccount", "bot", "-n", "dev"], () => generateServiceAccount("bot", { namespace: "dev" })],

  [
    "ingress full",
    [
      "create", "ingress", "web", "--class=nginx", "--rule=foo.com/bar=svc:80", "--rule=foo.com/*=svc2:http,tls=my-cert",
      "--rule=/path=svc3:8080", "--rule=bar.com/api*=api:80,tls=my-cert", "--default-backend=def:80", "--annotation=a=b",
    ],
    () =>
      generateIngress("web", {
        class: "nginx",
        rule: ["foo.com/bar=svc:80", "foo.com/*=svc2:http,tls=my-cert", "/path=svc3:8080", "bar.com/api*=api:80,tls=my-cert"],
        defaultBackend: "def:80",
        annotation: ["a=b"],
      }),
  ],
  ["ingress tls without secret", ["create", "ingress", "web", "--rule=foo.com/=svc:80,tls"], () => generateIngress("web", { rule: ["foo.com/=svc:80,tls"] })],
  ["ingress default backend only", ["create", "ingress", "web", "--default-backend=def:http", "-n", "dev"], () => generateIngress("web", { defaultBackend: "def:http", namespace: "dev" })],
  ["ingress bad rule", ["create", "ingress", "web", "--rule=foo.com=svc:80"], () => generateIngress("web", { rule: ["foo.com=svc:80"] })],
  ["ingress nothing", ["create", "ingress", "web"], () => generateIngress("web", {})],
  ["ingress bad backend", ["create", "ingress", "web", "--default-backend=svc"], () => generateIngress("web", { defaultBackend: "svc" })],
];

// kubectl 1.32 reports missing required flags through klog ("E… run.go:72] "command failed" err=…");
// we print kubectl's plain form of the same message.
const requiredFlagCases: Case[] = [
  ["run without image", ["run", "bb"], () => generateRun("bb", {})],
  ["deployment without image", ["create", "deployment", "web"], () => generateDeployment("web", {})],
  ["externalname without name", ["create", "service", "externalname", "ex"], () => generateService("externalname", "ex", {})],
  ["cronjob without schedule", ["create", "cronjob", "cj", "--image=x"], () => generateCronJob("cj", { image: "x" })],
  ["cronjob without image and schedule", ["create", "cronjob", "cj"], () => generateCronJob("cj", {})],
];

/** Output flags go before "--", after which everything is the container's command. */
function withOutput(args: string[], output: string): string[] {
  const dash = args.indexOf("--");
  const extra = ["--dry-run=client", "-o", output];
  return dash < 0 ? [...args, ...extra] : [...args.slice(0, dash), ...extra, ...args.slice(dash)];
}

function render(object: KubeObject) {
  return { yaml: toYaml(object), json: toJson(object, { keyOrder: "insertion" }) };
}

describe("generators (pure)", () => {
  it("builds the deployment container name from the image", () => {
    const r = generateDeployment("web", { image: ["my.registry:5000/team/my_app.v2:1.0"] }, () => "abcde");
    expect(r.ok && (r.object.spec as { template: { spec: { containers: { name: string }[] } } }).template.spec.containers[0].name).toBe("my-app-v2-abcde");
  });
  it("creates a job from a cronjob", () => {
    const cronJob = {
      apiVersion: "batch/v1",
      kind: "CronJob",
      metadata: { name: "nightly", uid: "u-1" },
      spec: { schedule: "0 0 * * *", jobTemplate: { metadata: { labels: { app: "n" } }, spec: { template: { spec: { containers: [{ name: "c", image: "x" }], restartPolicy: "OnFailure" } } } } },
    };
    const r = generateJob("manual-1", { from: "cronjob/nightly", fromCronJob: cronJob });
    expect(r.ok && toYaml(r.object)).toBe(
      [
        "apiVersion: batch/v1",
        "kind: Job",
        "metadata:",
        "  annotations:",
        "    cronjob.kubernetes.io/instantiate: manual",
        "  creationTimestamp: null",
        "  labels:",
        '    app: "n"',
        "  name: manual-1",
        "  ownerReferences:",
        "  - apiVersion: batch/v1",
        "    controller: true",
        "    kind: CronJob",
        "    name: nightly",
        "    uid: u-1",
        "spec:",
        "  template:",
        "    spec:",
        "      containers:",
        "      - image: x",
        "        name: c",
        "      restartPolicy: OnFailure",
        "status: {}",
        "",
      ].join("\n"),
    );
    expect(generateJob("m", { from: "cronjob/none" })).toEqual({ ok: false, error: 'error: cronjobs.batch "none" not found\n' });
    expect(generateJob("m", { from: "cronjob/x", command: ["a"] })).toEqual({ ok: false, error: "error: cannot specify --from and command\n" });
  });
  it("builds a TLS secret from PEM files (kubectl also parses the certificate, which needs real keys)", () => {
    const pem: FileReader = { read: (p) => (p === "tls.crt" ? CERT : p === "tls.key" ? KEY : undefined) };
    const r = generateSecret("tls", "t", { cert: "tls.crt", key: "tls.key" }, pem);
    expect(r.ok && toYaml(r.object)).toBe(
      [
        "apiVersion: v1",
        "data:",
        "  tls.crt: LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCk1JSUIKLS0tLS1FTkQgQ0VSVElGSUNBVEUtLS0tLQo=",
        "  tls.key: LS0tLS1CRUdJTiBQUklWQVRFIEtFWS0tLS0tCk1JSUUKLS0tLS1FTkQgUFJJVkFURSBLRVktLS0tLQo=",
        "kind: Secret",
        "metadata:",
        "  creationTimestamp: null",
        "  name: t",
        "type: kubernetes.io/tls",
        "",
      ].join("\n"),
    );
    expect(generateSecret("tls", "t", { cert: "tls.key", key: "tls.key" }, pem)).toEqual({
      ok: false,
      error: 'error: tls: failed to find "CERTIFICATE" PEM block in certificate input after skipping PEM blocks of the following types: [PRIVATE KEY]\n',
    });
  });
  it("reports a missing required flag", () => {
    expect(generateRun("bb", {})).toEqual({ ok: false, error: 'error: required flag(s) "image" not set\n', commandFailed: 'required flag(s) "image" not set' });
    expect(generateCronJob("cj", {})).toEqual({ ok: false, error: 'error: required flag(s) "image", "schedule" not set\n', commandFailed: 'required flag(s) "image", "schedule" not set' });
  });
  it.skipIf(!hasKubectl)("reads the same files as the real filesystem", () => {
    const flags = { fromFile: ["a.txt", "dir", "index.html"], fromEnvFile: [] };
    expect(generateConfigMap("cm", flags, files)).toEqual(generateConfigMap("cm", flags, fsFiles));
  });
});

// Each case starts two kubectl processes; on a busy machine that takes seconds, hence the long timeout.
describe.skipIf(!hasKubectl)("generators match kubectl --dry-run=client", { timeout: 120_000 }, () => {
  it.concurrent.each(cases)("%s", async (_name, args, generate) => {
    const ours = generate();
    const [yaml, json] = await Promise.all([runKubectlAsync(withOutput(args, "yaml"), { cwd: dir }), runKubectlAsync(withOutput(args, "json"), { cwd: dir })]);
    if (yaml.status !== 0) {
      expect(ours).toEqual({ ok: false, error: yaml.stderr });
      return;
    }
    expect(ours.ok).toBe(true);
    if (!ours.ok) return;
    expect(render(ours.object)).toEqual({ yaml: yaml.stdout, json: json.stdout });
  });

  it.concurrent.each(requiredFlagCases)("%s", async (_name, args, generate) => {
    const ours = generate();
    const real = await runKubectlAsync(withOutput(args, "yaml"), { cwd: dir });
    expect(real.status).not.toBe(0);
    expect(ours.ok).toBe(false);
    if (ours.ok) return;
    const message = ours.error.replace(/^error: /, "").trim();
    expect(real.stderr).toContain(`err=${JSON.stringify(message)}`);
  });
});

describe.skipIf(!hasKubectl)("expose matches kubectl --dry-run=client", { timeout: 120_000 }, () => {
  const targets: Record<string, KubeObject> = {
    pod: {
      apiVersion: "v1",
      kind: "Pod",
      metadata: { name: "web", namespace: "default", labels: { run: "web", tier: "fe" } },
      spec: { containers: [{ name: "a", image: "nginx", ports: [{ containerPort: 80 }, { containerPort: 53, protocol: "UDP" }, { containerPort: 53, protocol: "TCP" }] }] },
    },
    single: {
      apiVersion: "v1",
      kind: "Pod",
      metadata: { name: "one", namespace: "default", labels: { app: "one" } },
      spec: { containers: [{ name: "a", image: "nginx", ports: [{ containerPort: 8080 }] }] },
    },
    nolabels: { apiVersion: "v1", kind: "Pod", metadata: { name: "bare", namespace: "default" }, spec: { containers: [{ name: "a", image: "nginx" }] } },
    deploy: {
      apiVersion: "apps/v1",
      kind: "Deployment",
      metadata: { name: "web", namespace: "default", labels: { app: "web" } },
      spec: { selector: { matchLabels: { app: "web" } }, template: { metadata: { labels: { app: "web" } }, spec: { containers: [{ name: "a", image: "nginx", ports: [{ containerPort: 8080 }] }] } } },
    },
    noports: {
      apiVersion: "apps/v1",
      kind: "Deployment",
      metadata: { name: "np", namespace: "default" },
      spec: { selector: { matchLabels: { app: "np" } }, template: { metadata: { labels: { app: "np" } }, spec: { containers: [{ name: "a", image: "nginx" }] } } },
    },
    rs: {
      apiVersion: "apps/v1",
      kind: "ReplicaSet",
      metadata: { name: "rs1", namespace: "default", labels: { app: "r" } },
      spec: { selector: { matchLabels: { app: "r" } }, template: { metadata: { labels: { app: "r" } }, spec: { containers: [{ name: "a", image: "nginx", ports: [{ containerPort: 80 }] }] } } },
    },
    svc: {
      apiVersion: "v1",
      kind: "Service",
      metadata: { name: "front", namespace: "default", labels: { app: "front" } },
      spec: { selector: { app: "front" }, ports: [{ port: 80, targetPort: 8080, protocol: "TCP" }] },
    },
    job: { apiVersion: "batch/v1", kind: "Job", metadata: { name: "j", namespace: "default" }, spec: { template: { spec: { containers: [{ name: "a", image: "x" }] } } } },
  };
  const autoscaleCases: [string, string, string[], Parameters<typeof generateAutoscale>[1]][] = [
    ["autoscale a deployment", "deploy", ["--min=2", "--max=5", "--cpu-percent=80"], { min: "2", max: "5", cpuPercent: "80" }],
    ["autoscale with a name", "deploy", ["--max=3", "--name=h1"], { max: 3, name: "h1" }],
    ["autoscale a replicaset", "rs", ["--max=4", "--min=1"], { max: "4", min: "1" }],
    ["autoscale max below min", "deploy", ["--max=1", "--min=3"], { max: "1", min: "3" }],
    ["autoscale max zero", "deploy", ["--max=0"], { max: "0" }],
    ["autoscale a pod", "single", ["--max=3"], { max: "3" }],
  ];
  it.concurrent.each(autoscaleCases)("%s", async (_name, target, args, flags) => {
    const file = path.join(dir, `autoscale-${target}.json`);
    writeFileSync(file, JSON.stringify(targets[target]));
    const ours = generateAutoscale(targets[target], flags);
    const [yaml, json] = await Promise.all([
      runKubectlAsync(["autoscale", "-f", file, ...args, "--dry-run=client", "-o", "yaml"]),
      runKubectlAsync(["autoscale", "-f", file, ...args, "--dry-run=client", "-o", "json"]),
    ]);
    if (yaml.status !== 0) {
      expect(ours).toEqual({ ok: false, error: yaml.stderr });
      return;
    }
    expect(ours.ok).toBe(true);
    if (!ours.ok) return;
    expect(render(ours.object)).toEqual({ yaml: yaml.stdout, json: json.stdout });
  });

  const exposeCases: [string, string, string[], Parameters<typeof generateExpose>[1]][] = [
    ["pod with multi-protocol ports", "pod", [], {}],
    ["pod single port", "single", [], {}],
    ["pod without labels", "nolabels", ["--port=80"], { port: "80" }],
    ["deployment with flags", "deploy", ["--port=80", "--target-port=8080", "--type=NodePort", "--name=svc1"], { port: "80", targetPort: "8080", type: "NodePort", name: "svc1" }],
    ["deployment introspected", "deploy", [], {}],
    ["deployment named target port", "deploy", ["--port=80", "--target-port=http", "--protocol=UDP"], { port: "80", targetPort: "http", protocol: "UDP" }],
    ["deployment without ports", "noports", [], {}],
    ["headless without ports", "noports", ["--cluster-ip=None"], { clusterIp: "None" }],
    ["replicaset with selector and labels", "rs", ["--selector=app=other", "--labels=x=y", "--external-ip=1.2.3.4", "--session-affinity=ClientIP"], { selector: "app=other", labels: "x=y", externalIp: "1.2.3.4", sessionAffinity: "ClientIP" }],
    ["service", "svc", ["--name=front2", "--type=LoadBalancer", "--load-balancer-ip=5.6.7.8"], { name: "front2", type: "LoadBalancer", loadBalancerIp: "5.6.7.8" }],
    ["job", "job", ["--port=80"], { port: "80" }],
  ];
  it.concurrent.each(exposeCases)("%s", async (_name, target, args, flags) => {
    const file = path.join(dir, `${target}.json`);
    writeFileSync(file, JSON.stringify(targets[target]));
    const ours = generateExpose(targets[target], flags);
    const [yaml, json] = await Promise.all([
      runKubectlAsync(["expose", "-f", file, ...args, "--dry-run=client", "-o", "yaml"]),
      runKubectlAsync(["expose", "-f", file, ...args, "--dry-run=client", "-o", "json"]),
    ]);
    if (yaml.status !== 0) {
      expect(ours).toEqual({ ok: false, error: yaml.stderr });
      return;
    }
    expect(ours.ok).toBe(true);
    if (!ours.ok) return;
    expect(render(ours.object)).toEqual({ yaml: yaml.stdout, json: json.stdout });
  });
});
