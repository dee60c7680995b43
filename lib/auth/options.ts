// next-auth configuration: email + password credentials, JWT sessions carrying id, role and locale.
// The role in the token is only a hint for optimistic UI and the proxy; lib/auth/guard.ts re-reads it.
import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { getEnv } from "@/lib/env";
import { isAppError } from "@/lib/errors";
import { log } from "@/lib/log";
import { clientIp } from "./client-ip";
import { verifySignIn } from "./credentials";
import { parseRole } from "./roles";

// The error string handed to the browser by signIn(): a code the sign-in form translates,
// "RATE_LIMITED:<minutes>" or "INVALID_CREDENTIALS"; anything else is shown as a generic failure.
export type SignInErrorCode = "INVALID_CREDENTIALS" | `RATE_LIMITED:${number}` | "INTERNAL";

let options: NextAuthOptions | undefined;

// Built on first use rather than at import, so `next build` can load the route without a secret.
export function getAuthOptions(): NextAuthOptions {
  options ??= {
    secret: getEnv().NEXTAUTH_SECRET,
    session: { strategy: "jwt", maxAge: 30 * 24 * 60 * 60 },
    pages: { signIn: "/signin" },
    providers: [
      CredentialsProvider({
        name: "Email and password",
        credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
        async authorize(credentials, req) {
          try {
            const user = await verifySignIn({
              email: String(credentials?.email ?? "").slice(0, 320),
              password: String(credentials?.password ?? "").slice(0, 1024),
              ip: clientIp((req?.headers ?? {}) as Record<string, string>),
            });
            return { id: user.id, email: user.email, name: user.name, role: user.role, locale: user.locale };
          } catch (error) {
            if (isAppError(error) && error.code === "RATE_LIMITED") {
              throw new Error(`RATE_LIMITED:${Number(error.params?.minutes ?? 1)}` satisfies SignInErrorCode);
            }
            if (isAppError(error) && error.code === "UNAUTHENTICATED") {
              throw new Error("INVALID_CREDENTIALS" satisfies SignInErrorCode);
            }
            log.error("sign-in crashed", { error });
            throw new Error("INTERNAL" satisfies SignInErrorCode);
          }
        },
      }),
    ],
    callbacks: {
      jwt({ token, user }) {
        if (user) {
          token.id = user.id;
          token.role = parseRole(user.role);
          token.locale = user.locale ?? null;
        }
        return token;
      },
      session({ session, token }) {
        session.user = {
          id: token.id,
          email: token.email ?? "",
          name: token.name ?? "",
          role: token.role,
          locale: token.locale ?? null,
        };
        return session;
      },
    },
    logger: {
      error: (code, metadata) => log.error("next-auth error", { code, metadata }),
      warn: (code) => log.warn("next-auth warning", { code }),
      debug: () => undefined,
    },
  };
  return options;
}
