// @ts-check
// Security headers for every response; the Content-Security-Policy itself is set per request by
// proxy.ts, because it carries a fresh script nonce.
const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=()" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
  // Only honoured over HTTPS; harmless on plain-HTTP local runs.
  { key: "Strict-Transport-Security", value: "max-age=31536000; includeSubDomains" },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // Native and driver packages are loaded by Node at run time instead of being bundled.
  serverExternalPackages: [
    "better-sqlite3",
    "@node-rs/argon2",
    "pg",
    "@prisma/client",
    "@prisma/adapter-better-sqlite3",
    "@prisma/adapter-pg",
    // lib/server/grading bundles the grading worker at run time (build/grading-worker.mjs); esbuild
    // ships a native binary and must be required from node_modules, not bundled.
    "esbuild",
  ],
  // Type-checking is `tsc --noEmit` in npm test and CI, over the whole repository; repeating it inside
  // `next build` doubles the work and would let one unrelated type error block starting the app.
  typescript: { ignoreBuildErrors: true },
  experimental: {
    // forbidden() renders app/forbidden.tsx with a 403 status.
    authInterrupts: true,
  },
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
};

module.exports = nextConfig;
