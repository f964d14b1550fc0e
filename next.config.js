// Next.js configuration. next-intl reads its per-request config from lib/i18n/request.ts.
import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // forbidden() renders app/forbidden.tsx with a real 403 status.
  experimental: { authInterrupts: true },
  // Native or server-only packages stay as Node requires instead of being bundled.
  serverExternalPackages: [
    "@node-rs/argon2",
    "pg",
    "@prisma/adapter-pg",
    // Metrics and logs keep process-wide state; one copy, loaded by Node, serves the app and the job workers.
    "prom-client",
    "pino",
    // Megabytes of password dictionaries: loaded by Node on first use instead of bundled.
    "@zxcvbn-ts/core",
    "@zxcvbn-ts/language-common",
    "@zxcvbn-ts/language-en",
    "@zxcvbn-ts/language-es-es",
  ],
  typescript: { ignoreBuildErrors: false },
};

export default withNextIntl(nextConfig);
