// Prisma CLI configuration. The app itself connects through lib/db.ts; this is only read by `prisma generate`
// (and by `prisma migrate` on machines that can download Prisma's schema engine).
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost:5432/escriba" },
});
