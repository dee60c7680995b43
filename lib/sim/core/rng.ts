// The one seeded PRNG of a simulated cluster: sfc32 (Small Fast Counter), 128 bits of state that a
// snapshot stores as four numbers. Every generated name, IP and uid comes from here, so the same seed
// and inputs give byte-identical clusters.

export type RngState = [number, number, number, number];

// Kubernetes' rand.String alphabet (k8s.io/apimachinery/pkg/util/rand): no vowels, no 0/1/3 that
// could form words or be confused, so `web-7c5ddbdf54-x2m4q` style suffixes look real.
const K8S_ALPHABET = "bcdfghjklmnpqrstvwxz2456789";
const HEX = "0123456789abcdef";

function hashSeed(seed: number | string): RngState {
  // xmur3-style string hash spread into four 32-bit words.
  const text = typeof seed === "number" ? `n:${seed}` : `s:${seed}`;
  let h = 1779033703 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    h = Math.imul(h ^ text.charCodeAt(i), 3432918353);
    h = (h << 13) | (h >>> 19);
  }
  const next = () => {
    h = Math.imul(h ^ (h >>> 16), 2246822507);
    h = Math.imul(h ^ (h >>> 13), 3266489909);
    h ^= h >>> 16;
    return h >>> 0;
  };
  return [next(), next(), next(), next()];
}

export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number | string | RngState = 1) {
    const s = Array.isArray(seed) ? seed : hashSeed(seed);
    [this.a, this.b, this.c, this.d] = s;
    if (!Array.isArray(seed)) for (let i = 0; i < 12; i++) this.nextUint32(); // warm up
  }

  state(): RngState {
    return [this.a, this.b, this.c, this.d];
  }

  nextUint32(): number {
    this.a >>>= 0; this.b >>>= 0; this.c >>>= 0; this.d >>>= 0;
    let t = (this.a + this.b) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.d = (this.d + 1) | 0;
    t = (t + this.d) | 0;
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform float in [0, 1). */
  float(): number {
    return this.nextUint32() / 4294967296;
  }

  /** Uniform integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.float() * n);
  }

  /** Kubernetes-style random suffix (`rand.String(n)`), e.g. 5 for pod names. */
  suffix(n: number): string {
    let out = "";
    for (let i = 0; i < n; i++) out += K8S_ALPHABET[this.int(K8S_ALPHABET.length)];
    return out;
  }

  hex(n: number): string {
    let out = "";
    for (let i = 0; i < n; i++) out += HEX[this.int(16)];
    return out;
  }

  /** A version-4 UUID, as the apiserver assigns to metadata.uid. */
  uuid(): string {
    const h = this.hex(32).split("");
    h[12] = "4";
    h[16] = HEX[(parseInt(h[16], 16) & 0x3) | 0x8];
    const s = h.join("");
    return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
  }
}
