// next-auth's endpoints (sign-in callback, session, CSRF, sign-out) under /api/auth/*.
import NextAuth from "next-auth";
import { getAuthOptions } from "@/lib/auth/options";

type RouteContext = { params: Promise<{ nextauth: string[] }> };

async function handler(request: Request, context: RouteContext): Promise<Response> {
  return NextAuth(request as never, context as never, getAuthOptions());
}

export { handler as GET, handler as POST };
