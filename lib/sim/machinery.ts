// The simulator's API machinery: lib/sim/api (strict decoding, defaulting, admission, validation)
// adapted to the core's Machinery interface that the apiserver write path calls.
import * as api from "./api";
import type { Machinery, ResourceInfo } from "./core/machinery";
import type { KubeObject } from "./core/types";

const toCore = (i: api.ResourceInfo): ResourceInfo => ({
  group: i.group,
  version: i.version,
  kind: i.kind,
  resource: i.plural,
  singular: i.singular,
  shortNames: i.shortNames,
  namespaced: i.namespaced,
});

const ALL = api.listResources();
const CORE_INFOS = ALL.map(toCore);
const BY_RESOURCE = new Map(ALL.map((i, n) => [i.plural, { api: i, core: CORE_INFOS[n] }]));
const BY_KIND = new Map(ALL.map((i, n) => [`${i.apiVersion}/${i.kind}`, { api: i, core: CORE_INFOS[n] }]));

function apiInfo(core: ResourceInfo): api.ResourceInfo {
  return BY_RESOURCE.get(core.resource)!.api;
}

export const apiMachinery: Machinery = {
  resolveKind: (apiVersion, kind) => BY_KIND.get(`${apiVersion}/${kind}`)?.core,
  resourceInfo: (resource) => BY_RESOURCE.get(resource)?.core,
  listResources: () => CORE_INFOS,
  decode: (raw, info) => api.decodeObject(raw, apiInfo(info)),
  applyDefaults: (object, ctx) =>
    api.applyDefaults(object as api.KubeObject, { randomSuffix: ctx.randomSuffix, uid: object.metadata?.uid, operation: ctx.operation }) as KubeObject,
  admit: (object, ctx) => {
    const r = api.admit(object as api.KubeObject, {
      operation: ctx.operation === "CREATE" ? "create" : "update",
      lookup: (resource, namespace, name) => ctx.lookup(resource, namespace, name) as api.KubeObject | undefined,
      list: (resource) => (ctx.list?.(resource) ?? []) as api.KubeObject[],
      randomSuffix: ctx.randomSuffix,
    });
    return r.ok ? { ok: true, object: r.object as KubeObject } : r;
  },
  validateCreate: (object) => {
    const errors = api.validateCreate(object as api.KubeObject);
    if (!errors.length) return undefined;
    const info = BY_KIND.get(`${object.apiVersion}/${object.kind}`)?.api;
    return api.toInvalidStatus(object.kind, object.metadata?.name ?? "", errors, info?.group ?? "");
  },
  validateUpdate: (object, old) => {
    const errors = api.validateUpdate(object as api.KubeObject, old as api.KubeObject);
    if (!errors.length) return undefined;
    const info = BY_KIND.get(`${object.apiVersion}/${object.kind}`)?.api;
    return api.toInvalidStatus(object.kind, object.metadata?.name ?? "", errors, info?.group ?? "");
  },
};
