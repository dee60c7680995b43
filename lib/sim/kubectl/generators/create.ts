// Mirrors the `kubectl create <kind>` subcommands for --dry-run=client output (staging/src/k8s.io/kubectl/
// pkg/cmd/create: create_deployment.go, create_service.go, create_job.go, create_cronjob.go,
// create_namespace.go, create_serviceaccount.go, create_ingress.go). Objects are built in Go struct field
// order so that -o json (typed objects) prints like kubectl.
import type { KubeObject } from "../format/kube-object";
import {
  atoi,
  compact,
  fail,
  intFlag,
  objectMeta,
  requiredFlag,
  requiredFlags,
  usageError,
  type GenerateResult,
  type IntFlag,
} from "./common";

function nameRequired(command: string, name: string | undefined): GenerateResult | undefined {
  if (!name) return usageError(command, "exactly one NAME is required, got 0");
  return undefined;
}

// k8s.io/apimachinery/pkg/util/rand's alphabet (no vowels, no confusable digits).
const RAND_ALPHABET = "bcdfghjklmnpqrstvwxz2456789";

/** A stand-in for utilrand.String(5) that is deterministic in the input when no generator is supplied. */
function defaultRandom(seed: string): string {
  let h = 2166136261;
  for (const ch of seed) h = Math.imul(h ^ ch.codePointAt(0)!, 16777619) >>> 0;
  let out = "";
  for (let i = 0; i < 5; i++) {
    out += RAND_ALPHABET[h % RAND_ALPHABET.length];
    h = Math.imul(h ^ (h >>> 13), 16777619) >>> 0;
  }
  return out;
}

export type DeploymentFlags = {
  image?: string[];
  replicas?: IntFlag;
  port?: IntFlag;
  /** Arguments after "--": the container command. */
  command?: string[];
  namespace?: string;
};

/** `kubectl create deployment NAME --image=… [--replicas] [--port] [-- command]` */
export function generateDeployment(name: string | undefined, flags: DeploymentFlags, random?: () => string): GenerateResult {
  // Cobra only checks that --image was given: `--image=` is an empty string slice, and the Deployment
  // then has no containers (`containers: []`), as kubectl v1.32 prints it.
  if (flags.image === undefined) return requiredFlag("image");
  const images = flags.image;
  const replicas = intFlag("create deployment", "-r, --replicas", flags.replicas, 32);
  if (!replicas.ok) return replicas;
  const port = intFlag("create deployment", "--port", flags.port, 32);
  if (!port.ok) return port;
  const missing = nameRequired("create deployment", name);
  if (missing) return missing;
  const command = flags.command ?? [];
  if (images.length > 1 && command.length > 0) return fail("cannot specify multiple --image options and command");

  // buildPodSpec: the container is named after the image without registry, tag or digest; "_" and "."
  // become "-" and get a random suffix (sanitizeAndUniquify).
  const containers = images.map((image, index) => {
    const parts = image.split("/");
    let cname = parts[parts.length - 1];
    if (cname.includes(":")) cname = cname.split(":")[0];
    if (cname.includes("@")) cname = cname.split("@")[0];
    if (/[_.]/.test(cname)) cname = `${cname.replace(/_/g, "-").replace(/\./g, "-")}-${random ? random() : defaultRandom(image)}`;
    // --port applies to the first container only.
    const withPort = index === 0 && port.value !== undefined && port.value >= 0;
    return compact({
      name: cname,
      image,
      command: command.length > 0 ? command : undefined,
      ports: withPort ? [{ containerPort: port.value }] : undefined,
      resources: {},
    });
  });
  const labels = { app: name! };
  const deployment: KubeObject = {
    kind: "Deployment",
    apiVersion: "apps/v1",
    metadata: objectMeta({ name, namespace: flags.namespace, labels }),
    spec: {
      replicas: replicas.value ?? 1,
      selector: { matchLabels: labels },
      template: { metadata: { creationTimestamp: null, labels }, spec: { containers } },
      strategy: {},
    },
    status: {},
  };
  return { ok: true, object: deployment };
}

export type ServiceKind = "clusterip" | "nodeport" | "loadbalancer" | "externalname";

export type ServiceFlags = {
  tcp?: string[];
  clusterip?: string;
  nodePort?: IntFlag;
  externalName?: string;
  namespace?: string;
};

const SERVICE_TYPES: Record<ServiceKind, string> = {
  clusterip: "ClusterIP",
  nodeport: "NodePort",
  loadbalancer: "LoadBalancer",
  externalname: "ExternalName",
};

const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

/** validation.IsValidPortName */
function portNameErrors(port: string): string[] {
  const errs: string[] = [];
  if (port.length > 15) errs.push("must be no more than 15 characters");
  if (!/^[-a-z0-9]+$/.test(port)) errs.push("must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)");
  if (!/[a-z]/.test(port)) errs.push("must contain at least one letter (a-z)");
  if (port.includes("--")) errs.push("must not contain consecutive hyphens");
  if (port.length > 0 && (port.startsWith("-") || port.endsWith("-"))) errs.push("must not begin or end with a hyphen");
  return errs;
}

/** create_service.go parsePorts: "port[:targetPort]" (utilsnet.ParsePort allows 0). */
function parsePorts(spec: string): { ok: true; port: number; targetPort: number | string } | { ok: false; cause: string } {
  const idx = spec.indexOf(":");
  const portString = idx >= 0 ? spec.slice(0, idx) : spec;
  const targetString = idx >= 0 ? spec.slice(idx + 1) : "";
  if (!/^\d+$/.test(portString)) return { ok: false, cause: `strconv.ParseUint: parsing ${JSON.stringify(portString)}: invalid syntax` };
  const port = Number(portString);
  if (port > 65535) return { ok: false, cause: `strconv.ParseUint: parsing ${JSON.stringify(portString)}: value out of range` };
  if (targetString === "") return { ok: true, port, targetPort: port };
  const num = atoi(targetString);
  if (!num.ok) {
    const errs = portNameErrors(targetString);
    if (errs.length > 0) return { ok: false, cause: errs.join(",") };
    return { ok: true, port, targetPort: targetString };
  }
  if (num.value < 1 || num.value > 65535) return { ok: false, cause: "must be between 1 and 65535, inclusive" };
  return { ok: true, port, targetPort: num.value };
}

/** `kubectl create service clusterip|nodeport|loadbalancer|externalname NAME [--tcp=port:target]…` */
export function generateService(kind: ServiceKind, name: string | undefined, flags: ServiceFlags): GenerateResult {
  const command = `create service ${kind}`;
  if (kind === "externalname" && !flags.externalName) return requiredFlag("external-name");
  const nodePort = intFlag(command, "--node-port", flags.nodePort, 64);
  if (!nodePort.ok) return nodePort;
  const missing = nameRequired(command, name);
  if (missing) return missing;
  const type = SERVICE_TYPES[kind];
  const tcp = flags.tcp ?? [];
  const clusterIP = kind === "clusterip" ? (flags.clusterip ?? "") : "";
  if (clusterIP === "None" && type !== "ClusterIP") return fail("ClusterIP=None can only be used with ClusterIP service type");
  if (clusterIP !== "None" && tcp.length === 0 && type !== "ExternalName") return fail("at least one tcp port specifier must be provided");
  if (type === "ExternalName" && (flags.externalName!.length > 253 || !DNS1123_SUBDOMAIN.test(flags.externalName!))) {
    return fail(`invalid service external name ${flags.externalName}`);
  }
  const ports: Record<string, unknown>[] = [];
  for (const spec of tcp) {
    const parsed = parsePorts(spec);
    if (!parsed.ok) return fail(parsed.cause);
    ports.push(
      compact({
        name: spec.replace(/:/g, "-"),
        protocol: "TCP",
        port: parsed.port,
        targetPort: parsed.targetPort,
        nodePort: nodePort.value ? nodePort.value : undefined,
      }),
    );
  }
  const labels = { app: name! };
  const service: KubeObject = {
    kind: "Service",
    apiVersion: "v1",
    metadata: objectMeta({ name, namespace: flags.namespace, labels }),
    spec: compact({
      ports: ports.length > 0 ? ports : undefined,
      selector: { app: name! },
      clusterIP: clusterIP || undefined,
      type,
      externalName: flags.externalName || undefined,
    }),
    status: { loadBalancer: {} },
  };
  return { ok: true, object: service };
}

export type JobFlags = {
  image?: string;
  /** --from=cronjob/NAME as typed. */
  from?: string;
  /** The CronJob --from resolved to (undefined when it does not exist). */
  fromCronJob?: KubeObject;
  command?: string[];
  namespace?: string;
};

/** `kubectl create job NAME --image=… [-- command]` or `--from=cronjob/NAME`. */
export function generateJob(name: string | undefined, flags: JobFlags): GenerateResult {
  const missing = nameRequired("create job", name);
  if (missing) return missing;
  const command = flags.command ?? [];
  if ((!flags.image && !flags.from) || (flags.image && flags.from)) return fail("either --image or --from must be specified");
  if (command.length > 0 && flags.from) return fail("cannot specify --from and command");
  if (flags.from) {
    const [resource, fromName] = flags.from.split("/", 2);
    if (!fromName || !["cronjob", "cronjobs", "cj", "cronjob.batch", "cronjobs.batch"].includes(resource.toLowerCase())) {
      return fail(`from must be an existing cronjob: ${flags.from}`);
    }
    const cronJob = flags.fromCronJob;
    if (!cronJob) return fail(`cronjobs.batch "${fromName}" not found`);
    const spec = (cronJob.spec ?? {}) as { jobTemplate?: { metadata?: { labels?: Record<string, string>; annotations?: Record<string, string> }; spec?: unknown } };
    const template = spec.jobTemplate ?? {};
    const annotations: Record<string, string> = { "cronjob.kubernetes.io/instantiate": "manual", ...(template.metadata?.annotations ?? {}) };
    const job: KubeObject = {
      kind: "Job",
      apiVersion: "batch/v1",
      metadata: objectMeta({
        name,
        namespace: flags.namespace,
        labels: template.metadata?.labels,
        annotations,
        ownerReferences: [
          { apiVersion: "batch/v1", kind: "CronJob", name: cronJob.metadata?.name ?? fromName, uid: cronJob.metadata?.uid ?? "", controller: true },
        ],
      }),
      spec: template.spec ?? {},
      status: {},
    };
    return { ok: true, object: job };
  }
  const job: KubeObject = {
    kind: "Job",
    apiVersion: "batch/v1",
    metadata: objectMeta({ name, namespace: flags.namespace }),
    spec: {
      template: {
        metadata: { creationTimestamp: null },
        spec: {
          containers: [compact({ name, image: flags.image, command: command.length > 0 ? command : undefined, resources: {} })],
          restartPolicy: "Never",
        },
      },
    },
    status: {},
  };
  return { ok: true, object: job };
}

export type CronJobFlags = { image?: string; schedule?: string; restart?: string; command?: string[]; namespace?: string };

/** `kubectl create cronjob NAME --image=… --schedule=… [--restart] [-- command]` */
export function generateCronJob(name: string | undefined, flags: CronJobFlags): GenerateResult {
  const missingFlags = [!flags.image ? "image" : "", !flags.schedule ? "schedule" : ""].filter(Boolean);
  if (missingFlags.length > 0) return requiredFlags(...missingFlags);
  const missing = nameRequired("create cronjob", name);
  if (missing) return missing;
  const command = flags.command ?? [];
  const cronJob: KubeObject = {
    kind: "CronJob",
    apiVersion: "batch/v1",
    metadata: objectMeta({ name, namespace: flags.namespace }),
    spec: {
      schedule: flags.schedule,
      jobTemplate: {
        metadata: { name, creationTimestamp: null },
        spec: {
          template: {
            metadata: { creationTimestamp: null },
            spec: {
              containers: [compact({ name, image: flags.image, command: command.length > 0 ? command : undefined, resources: {} })],
              restartPolicy: flags.restart || "OnFailure",
            },
          },
        },
      },
    },
    status: {},
  };
  return { ok: true, object: cronJob };
}

/** `kubectl create namespace NAME` */
export function generateNamespace(name: string | undefined): GenerateResult {
  const missing = nameRequired("create namespace", name);
  if (missing) return missing;
  return { ok: true, object: { kind: "Namespace", apiVersion: "v1", metadata: objectMeta({ name }), spec: {}, status: {} } };
}

/** `kubectl create serviceaccount NAME` */
export function generateServiceAccount(name: string | undefined, flags: { namespace?: string } = {}): GenerateResult {
  const missing = nameRequired("create serviceaccount", name);
  if (missing) return missing;
  return { ok: true, object: { kind: "ServiceAccount", apiVersion: "v1", metadata: objectMeta({ name, namespace: flags.namespace }) } };
}

export type IngressFlags = { rule?: string[]; class?: string; defaultBackend?: string; annotation?: string[]; namespace?: string };

const RULE_REGEX = /^([\w*\-.]*)(\/.*)=([\w-]+):([\w-]+)(,(tls)=?([\w-]+)?)?$/;

function backendService(service: string): Record<string, unknown> {
  const [svcname, svcport] = service.split(":");
  const num = /^[+-]?\d+$/.test(svcport) ? Number(svcport) : undefined;
  return { service: { name: svcname, port: num !== undefined ? { number: num } : { name: svcport } } };
}

/** `kubectl create ingress NAME --rule=host/path=svc:port[,tls[=secret]] [--class] [--default-backend]` */
export function generateIngress(name: string | undefined, flags: IngressFlags): GenerateResult {
  const missing = nameRequired("create ingress", name);
  if (missing) return missing;
  const rules = flags.rule ?? [];
  const annotationsIn = flags.annotation ?? [];
  if (!flags.defaultBackend && rules.length === 0) {
    return fail(
      "not enough information provided: every ingress has to either specify a default-backend (which catches all traffic) or a list of rules (which catch specific paths)",
    );
  }
  for (const rule of rules) {
    if (!RULE_REGEX.test(rule)) return fail(`rule ${rule} is invalid and should be in format host/path=svcname:svcport[,tls[=secret]]`);
  }
  for (const a of annotationsIn) {
    if (a.split("=").length < 2) return fail(`annotation ${a} is invalid and should be in format key=[value]`);
  }
  if (flags.defaultBackend && flags.defaultBackend.split(":").length !== 2) {
    return fail("default-backend should be in format servicename:serviceport");
  }
  const annotations: Record<string, string> = {};
  for (const a of annotationsIn) {
    const idx = a.indexOf("=");
    annotations[a.slice(0, idx)] = a.slice(idx + 1);
  }

  // buildTLSRules: one entry per secret; a host is listed once.
  const tls: { hosts?: string[]; secretName?: string }[] = [];
  const hostAlreadyPresent = new Set<string>();
  for (const rule of rules) {
    const parts = rule.split(",");
    if (parts.length !== 2) continue;
    const host = rule.split("/")[0];
    const secretParts = parts[1].split("=");
    const secret = secretParts.length > 1 ? secretParts[1] : "";
    const idxSecret = tls.findIndex((t) => (t.secretName ?? "") === secret);
    if (hostAlreadyPresent.has(host)) continue;
    if (idxSecret > -1) {
      tls[idxSecret].hosts = [...(tls[idxSecret].hosts ?? []), host];
      hostAlreadyPresent.add(host);
      continue;
    }
    const entry: { hosts?: string[]; secretName?: string } = {};
    if (host !== "") entry.hosts = [host];
    if (secret !== "") entry.secretName = secret;
    if (entry.secretName || entry.hosts) tls.push(entry);
    hostAlreadyPresent.add(host);
  }

  // buildIngressRules: paths of the same host share one rule; a trailing "*" means pathType Prefix.
  const ingressRules: { host?: string; http: { paths: Record<string, unknown>[] } }[] = [];
  for (const rule of rules) {
    const removeTls = rule.split(",")[0];
    const slash = removeTls.indexOf("/");
    const host = removeTls.slice(0, slash);
    const pathSvc = removeTls.slice(slash + 1).split("=");
    let path = `/${pathSvc[0]}`;
    let pathType = "Exact";
    if (path.endsWith("*")) {
      pathType = "Prefix";
      path = path.slice(0, -1);
    }
    const ingressPath = { path, pathType, backend: backendService(pathSvc[1]) };
    const existing = ingressRules.find((r) => (r.host ?? "") === host);
    if (existing) {
      existing.http.paths.push(ingressPath);
      continue;
    }
    ingressRules.push(compact({ host: host || undefined, http: { paths: [ingressPath] } }));
  }

  const ingress: KubeObject = {
    kind: "Ingress",
    apiVersion: "networking.k8s.io/v1",
    metadata: objectMeta({ name, namespace: flags.namespace, annotations }),
    spec: compact({
      ingressClassName: flags.class || undefined,
      defaultBackend: flags.defaultBackend ? backendService(flags.defaultBackend) : undefined,
      tls: tls.length > 0 ? tls : undefined,
      rules: ingressRules.length > 0 ? ingressRules : undefined,
    }),
    status: { loadBalancer: {} },
  };
  return { ok: true, object: ingress };
}
