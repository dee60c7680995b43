// next-auth module augmentation: the fields lib/auth/options.ts puts in the JWT and the session.
import type { DefaultSession } from "next-auth";
import type { Role } from "@/lib/auth/roles";

declare module "next-auth" {
  interface Session {
    user: { id: string; email: string; name: string; role: Role; locale: string | null } & Omit<DefaultSession["user"], "email" | "name">;
  }
  interface User {
    role: Role;
    locale: string | null;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    id: string;
    role: Role;
    locale: string | null;
  }
}
