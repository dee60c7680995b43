// Mirrors `kubectl create configmap` and `kubectl create secret generic|docker-registry|tls`
// (staging/src/k8s.io/kubectl/pkg/cmd/create/create_configmap.go, create_secret.go,
// create_secret_docker.go, create_secret_tls.go; pkg/util ParseFileSource/ParseLiteralSource;
// pkg/cmd/util/env_file.go) for --dry-run=client output.
import { goJsonString } from "../format/json";
import type { KubeObject } from "../format/kube-object";
import { base64, configMapKeyErrors, envVarNameErrors, fail, objectMeta, sortedMap, usageError, type FileReader, type GenerateResult } from "./common";

export type ConfigMapFlags = {
  fromLiteral?: string[];
  fromFile?: string[];
  fromEnvFile?: string[];
  namespace?: string;
};

export type SecretFlags = ConfigMapFlags & {
  type?: string;
  dockerServer?: string;
  dockerUsername?: string;
  dockerPassword?: string;
  dockerEmail?: string;
  cert?: string;
  key?: string;
};

type Sink = { add(key: string, value: string): string | undefined };

/** util.ParseLiteralSource: split at the first "=" (values may contain "="). */
function parseLiteralSource(source: string): { key: string; value: string } | { error: string } {
  const idx = source.indexOf("=");
  if (idx <= 0) return { error: `invalid literal source ${source}, expected key=value` };
  return { key: source.slice(0, idx), value: source.slice(idx + 1) };
}

/** util.ParseFileSource: "path" (key = base name) or "key=path". */
function parseFileSource(source: string): { key: string; path: string } | { error: string } {
  const separators = source.split("=").length - 1;
  if (separators === 0) {
    const trimmed = source.replace(/\/+$/, "");
    return { key: trimmed.slice(trimmed.lastIndexOf("/") + 1) || source, path: source };
  }
  if (separators === 1 && source.startsWith("=")) return { error: `key name for file path ${source.slice(1)} missing` };
  if (separators === 1 && source.endsWith("=")) return { error: `file path for key name ${source.slice(0, -1)} missing` };
  if (separators > 1) return { error: "key names or file paths cannot contain '='" };
  const [key, path] = source.split("=");
  return { key, path };
}

function joinPath(dir: string, name: string): string {
  return dir.endsWith("/") ? `${dir}${name}` : `${dir}/${name}`;
}

function addFromFiles(sources: string[], files: FileReader, sink: Sink): string | undefined {
  for (const source of sources) {
    const parsed = parseFileSource(source);
    if ("error" in parsed) return parsed.error;
    const entries = files.listDir?.(parsed.path);
    if (entries !== undefined) {
      if (source.includes("=")) return "cannot give a key name for a directory path";
      for (const entry of [...entries].sort()) {
        const content = files.read(joinPath(parsed.path, entry));
        if (content === undefined) continue;
        const err = sink.add(entry, content);
        if (err) return err;
      }
      continue;
    }
    const content = files.read(parsed.path);
    if (content === undefined) return `error reading ${parsed.path}: no such file or directory`;
    const err = sink.add(parsed.key, content);
    if (err) return err;
  }
  return undefined;
}

function addFromLiterals(sources: string[], sink: Sink): string | undefined {
  for (const source of sources) {
    const parsed = parseLiteralSource(source);
    if ("error" in parsed) return parsed.error;
    const err = sink.add(parsed.key, parsed.value);
    if (err) return err;
  }
  return undefined;
}

/** cmdutil.AddFromEnvFile: KEY=VALUE lines; blank lines and # comments skipped; leading blanks trimmed. */
function addFromEnvFiles(sources: string[], files: FileReader, sink: Sink): string | undefined {
  for (const path of sources) {
    if (files.listDir?.(path) !== undefined) return "env config file cannot be a directory";
    const content = files.read(path);
    if (content === undefined) return `error reading ${path}: no such file or directory`;
    const lines = content.split("\n");
    if (lines[lines.length - 1] === "") lines.pop();
    for (let i = 0; i < lines.length; i++) {
      let line = lines[i].replace(/\r$/, "");
      if (i === 0) line = line.replace(/^\uFEFF/, "");
      line = line.replace(/^\s+/, "");
      if (line.length === 0 || line.startsWith("#")) continue;
      const idx = line.indexOf("=");
      const key = idx >= 0 ? line.slice(0, idx) : line;
      const errs = envVarNameErrors(key);
      if (errs.length > 0) return `${JSON.stringify(key)} is not a valid key name: ${errs.join(";")}`;
      // A line without "=" takes the value from kubectl's environment, which the simulator does not have.
      const err = sink.add(key, idx >= 0 ? line.slice(idx + 1) : "");
      if (err) return err;
    }
  }
  return undefined;
}

/** `kubectl create configmap NAME [--from-literal] [--from-file] [--from-env-file]` */
export function generateConfigMap(name: string | undefined, flags: ConfigMapFlags, files: FileReader): GenerateResult {
  if (!name) return usageError("create configmap", "exactly one NAME is required, got 0");
  const fromFile = flags.fromFile ?? [];
  const fromLiteral = flags.fromLiteral ?? [];
  const fromEnvFile = flags.fromEnvFile ?? [];
  if (fromEnvFile.length > 0 && (fromFile.length > 0 || fromLiteral.length > 0)) {
    return fail("from-env-file cannot be combined with from-file or from-literal");
  }
  const data: Record<string, string> = {};
  const sink: Sink = {
    add(key, value) {
      const errs = configMapKeyErrors(key);
      if (errs.length > 0) return `${JSON.stringify(key)} is not a valid key name for a ConfigMap: ${errs.join(",")}`;
      if (Object.prototype.hasOwnProperty.call(data, key)) {
        return `cannot add key ${JSON.stringify(key)}, another key by that name already exists in Data for ConfigMap ${JSON.stringify(name)}`;
      }
      data[key] = value;
      return undefined;
    },
  };
  const err = addFromFiles(fromFile, files, sink) ?? addFromLiterals(fromLiteral, sink) ?? addFromEnvFiles(fromEnvFile, files, sink);
  if (err) return fail(err);
  const cm: KubeObject = { kind: "ConfigMap", apiVersion: "v1", metadata: objectMeta({ name, namespace: flags.namespace }) };
  if (Object.keys(data).length > 0) cm.data = sortedMap(data);
  return { ok: true, object: cm };
}

function secretSink(data: Record<string, string>): Sink {
  return {
    add(key, value) {
      const errs = configMapKeyErrors(key);
      if (errs.length > 0) return `${JSON.stringify(key)} is not valid key name for a Secret ${errs.join(";")}`;
      if (Object.prototype.hasOwnProperty.call(data, key)) return `cannot add key ${key}, another key by that name already exists`;
      data[key] = base64(value);
      return undefined;
    },
  };
}

function secretObject(name: string, namespace: string | undefined, data: Record<string, string>, type: string | undefined): KubeObject {
  const secret: KubeObject = { kind: "Secret", apiVersion: "v1", metadata: objectMeta({ name, namespace }) };
  if (Object.keys(data).length > 0) secret.data = sortedMap(data);
  if (type) secret.type = type;
  return secret;
}

/** The PEM block types in a file (tls.X509KeyPair only looks at these before parsing). */
function pemTypes(text: string): string[] {
  return [...text.matchAll(/-----BEGIN ([A-Z0-9 ]+)-----[\s\S]*?-----END \1-----/g)].map((m) => m[1]);
}

/** `kubectl create secret generic|docker-registry|tls NAME …` */
export function generateSecret(kind: "generic" | "docker-registry" | "tls", name: string | undefined, flags: SecretFlags, files: FileReader): GenerateResult {
  const command = `create secret ${kind}`;
  if (!name) return usageError(command, "exactly one NAME is required, got 0");
  const data: Record<string, string> = {};
  if (kind === "generic") {
    const fromFile = flags.fromFile ?? [];
    const fromLiteral = flags.fromLiteral ?? [];
    const fromEnvFile = flags.fromEnvFile ?? [];
    if (fromEnvFile.length > 0 && (fromFile.length > 0 || fromLiteral.length > 0)) {
      return fail("from-env-file cannot be combined with from-file or from-literal");
    }
    const sink = secretSink(data);
    const err = addFromFiles(fromFile, files, sink) ?? addFromLiterals(fromLiteral, sink) ?? addFromEnvFiles(fromEnvFile, files, sink);
    if (err) return fail(err);
    return { ok: true, object: secretObject(name, flags.namespace, data, flags.type) };
  }
  if (kind === "docker-registry") {
    const fromFile = flags.fromFile ?? [];
    if (fromFile.length === 0) {
      if (!flags.dockerUsername || !flags.dockerPassword) {
        return fail("either --from-file or the combination of --docker-username, --docker-password and --docker-server is required");
      }
      const server = flags.dockerServer || "https://index.docker.io/v1/";
      const auth = base64(`${flags.dockerUsername}:${flags.dockerPassword}`);
      const entry = [
        `"username":${goJsonString(flags.dockerUsername)}`,
        `"password":${goJsonString(flags.dockerPassword)}`,
        ...(flags.dockerEmail ? [`"email":${goJsonString(flags.dockerEmail)}`] : []),
        `"auth":${goJsonString(auth)}`,
      ].join(",");
      data[".dockerconfigjson"] = base64(`{"auths":{${goJsonString(server)}:{${entry}}}}`);
    } else {
      const err = addFromFiles(fromFile, files, secretSink(data));
      if (err) return fail(err);
    }
    return { ok: true, object: secretObject(name, flags.namespace, data, flags.type || "kubernetes.io/dockerconfigjson") };
  }
  if (!flags.cert || !flags.key) return fail("key and cert must be specified");
  const cert = files.read(flags.cert);
  if (cert === undefined) return fail(`Cannot read file ${flags.cert}, open ${flags.cert}: no such file or directory`);
  const key = files.read(flags.key);
  if (key === undefined) return fail(`Cannot read file ${flags.key}, open ${flags.key}: no such file or directory`);
  const certTypes = pemTypes(cert);
  if (certTypes.length === 0) return fail("tls: failed to find any PEM data in certificate input");
  if (!certTypes.includes("CERTIFICATE")) {
    return fail(`tls: failed to find "CERTIFICATE" PEM block in certificate input after skipping PEM blocks of the following types: [${certTypes.join(" ")}]`);
  }
  const keyTypes = pemTypes(key);
  if (keyTypes.length === 0) return fail("tls: failed to find any PEM data in key input");
  if (!keyTypes.some((t) => t === "PRIVATE KEY" || t.endsWith(" PRIVATE KEY"))) {
    return fail(`tls: failed to find PEM block with type ending in "PRIVATE KEY" in key input after skipping PEM blocks of the following types: [${keyTypes.join(" ")}]`);
  }
  data["tls.crt"] = base64(cert);
  data["tls.key"] = base64(key);
  return { ok: true, object: secretObject(name, flags.namespace, data, flags.type || "kubernetes.io/tls") };
}
