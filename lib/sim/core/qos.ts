// Mirrors pkg/apis/core/helper/qos/qos.go (GetPodQOS): Guaranteed when every container sets cpu and
// memory limits equal to requests, BestEffort when none sets any, Burstable otherwise.
import { compareQuantity, parseQuantity } from "../api/quantity";

type Resources = { requests?: Record<string, string | number>; limits?: Record<string, string | number> };
type Container = { resources?: Resources };

const SUPPORTED = ["cpu", "memory"];

function isZero(v: string | number): boolean {
  const q = parseQuantity(v);
  return !q.ok || q.quantity.nano === 0n;
}

function equal(a: string | number, b: string | number): boolean {
  const qa = parseQuantity(a);
  const qb = parseQuantity(b);
  return qa.ok && qb.ok && compareQuantity(qa.quantity, qb.quantity) === 0;
}

export function getPodQOS(spec: { containers?: Container[]; initContainers?: Container[] }): "Guaranteed" | "Burstable" | "BestEffort" {
  const requests: Record<string, (string | number)[]> = {};
  const limits: Record<string, (string | number)[]> = {};
  let isGuaranteed = true;
  const all = [...(spec.containers ?? []), ...(spec.initContainers ?? [])];
  for (const c of all) {
    const r = c.resources ?? {};
    for (const [name, v] of Object.entries(r.requests ?? {})) {
      if (!SUPPORTED.includes(name) || isZero(v)) continue;
      (requests[name] ??= []).push(v);
    }
    const seen = new Set<string>();
    for (const [name, v] of Object.entries(r.limits ?? {})) {
      if (!SUPPORTED.includes(name) || isZero(v)) continue;
      seen.add(name);
      (limits[name] ??= []).push(v);
    }
    if (!SUPPORTED.every((n) => seen.has(n))) isGuaranteed = false;
  }
  if (!Object.keys(requests).length && !Object.keys(limits).length) return "BestEffort";
  if (isGuaranteed) {
    for (const c of all) {
      const r = c.resources ?? {};
      for (const name of SUPPORTED) {
        const req = r.requests?.[name];
        const lim = r.limits?.[name];
        // Requests default to limits, so an absent request equals its limit.
        if (req !== undefined && lim !== undefined && !equal(req, lim)) isGuaranteed = false;
      }
    }
  }
  return isGuaranteed ? "Guaranteed" : "Burstable";
}
