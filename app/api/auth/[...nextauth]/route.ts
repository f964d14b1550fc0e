import NextAuth from "next-auth";
import { nextAuthOptions } from "@/lib/http/next-auth-options";

async function handler(request: Request, context: { params: Promise<{ nextauth: string[] }> }) {
  return NextAuth(request as never, context as never, nextAuthOptions());
}

export { handler as GET, handler as POST };
