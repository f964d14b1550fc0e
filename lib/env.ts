// Configuration, read from the environment and validated once; nothing else in the app reads process.env.
import path from "node:path";
import { z } from "zod";

const booleanFlag = z
  .enum(["1", "0", "true", "false", "yes", "no"])
  .transform((value) => value === "1" || value === "true" || value === "yes");

const environmentSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z.string().url().optional(),
  ESCRIBA_DATA_DIR: z.string().min(1).default(".data"),
  ESCRIBA_PG_PORT: z.coerce.number().int().min(1024).max(65535).default(54320),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  NEXTAUTH_URL: z.string().url().optional(),
  NEXTAUTH_SECRET: z.string().min(32).optional(),
  ESCRIBA_SESSION_DAYS: z.coerce.number().int().min(1).max(90).default(14),
  ESCRIBA_TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(5).default(0),
  ESCRIBA_SIGNIN_MAX_FAILURES_PER_ACCOUNT: z.coerce.number().int().min(1).default(5),
  ESCRIBA_SIGNIN_MAX_FAILURES_PER_IP: z.coerce.number().int().min(1).default(20),
  ESCRIBA_SIGNIN_WINDOW_MINUTES: z.coerce.number().int().min(1).default(15),
  /** An address that signed in to an account within this many days is exempt from that account's lock-out. */
  ESCRIBA_SIGNIN_KNOWN_ADDRESS_DAYS: z.coerce.number().int().min(0).max(365).default(30),
  ESCRIBA_SECURE_COOKIES: booleanFlag.optional(),
  ESCRIBA_REVIEW_LEASE_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(30),
  /** Where release files are written and served from; defaults to `<data dir>/releases`. */
  ESCRIBA_RELEASES_DIR: z.string().min(1).optional(),
  /** Where built release files are kept: this host's disk (`disk`) or an S3-compatible bucket (`s3`). */
  ESCRIBA_STORAGE: z.enum(["disk", "s3"]).default("disk"),
  /** S3-compatible endpoint (MinIO, Ceph RGW, R2, …); unset means AWS S3 itself. */
  ESCRIBA_S3_ENDPOINT: z.string().url().optional(),
  ESCRIBA_S3_BUCKET: z.string().min(3).max(63).optional(),
  ESCRIBA_S3_REGION: z.string().min(1).default("us-east-1"),
  /** Keys of the bucket; unset, the AWS SDK's own chain (AWS_* variables, instance roles) is used. */
  ESCRIBA_S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  ESCRIBA_S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  /** Path-style addressing (`endpoint/bucket/key`), which MinIO and most self-hosted servers need. */
  ESCRIBA_S3_FORCE_PATH_STYLE: booleanFlag.default(false),
  /** Prefix of every object key, to share a bucket (e.g. `escriba/releases/`). */
  ESCRIBA_S3_PREFIX: z.string().max(200).default(""),
  /** Lowest level written to the JSON logs on stdout. */
  ESCRIBA_LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /** Bearer token that reads /api/metrics; unset, the metrics are not served at all (404). */
  ESCRIBA_METRICS_TOKEN: z.string().min(16).optional(),
  /** Background job workers `escriba start` runs beside the web server (0: leave jobs to `escriba worker`). */
  ESCRIBA_WORKERS: z.coerce.number().int().min(0).max(32).default(1),
  /**
   * How often (seconds) each worker process looks for builds whose worker died and queues a new attempt; 0: never
   * (a maintainer retries them by hand).
   */
  ESCRIBA_BUILD_RECOVERY_SECONDS: z.coerce.number().int().min(0).max(3600).default(15),
  /** Key for pseudonymous annotator ids in releases; when unset, one is generated once and kept in the database. */
  ESCRIBA_PSEUDONYM_SECRET: z.string().min(32).optional(),
  /** The dataset's name on its card. */
  ESCRIBA_DATASET_NAME: z.string().min(1).max(200).default("escriba instructions"),
  /** Connections each app process keeps to PostgreSQL (the web app's pool; job workers have their own). */
  ESCRIBA_DB_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
  /**
   * How long a request waits in line for a free connection before it is answered 503 with Retry-After. Requests
   * queue in arrival order, so this bounds the wait under overload instead of failing the moment the pool is full.
   */
  ESCRIBA_DB_POOL_TIMEOUT_MS: z.coerce.number().int().min(10).max(120_000).default(10_000),
  /** The longest one interactive transaction may run once it has its connection (Prisma's `timeout`). */
  ESCRIBA_DB_TRANSACTION_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(15_000),
  /** Largest JSONL file an upload may send (bytes); a larger one is answered 413 before it is read. */
  ESCRIBA_IMPORT_MAX_BYTES: z.coerce.number().int().min(1024).max(1024 * 1024 * 1024).default(64 * 1024 * 1024),
  /** SMTP server for invitations and password resets (`smtp://user:pass@host:587`, `smtps://…`); unset: links are only shown. */
  ESCRIBA_SMTP_URL: z.string().url().optional(),
  /** The sender of escriba's e-mails. */
  ESCRIBA_MAIL_FROM: z.string().min(3).default("escriba <escriba@localhost>"),
  /** How long an invitation link stays usable. */
  ESCRIBA_INVITATION_DAYS: z.coerce.number().int().min(1).max(90).default(7),
  /** How long a password-reset link stays usable. */
  ESCRIBA_PASSWORD_RESET_MINUTES: z.coerce.number().int().min(5).max(7 * 24 * 60).default(60),
  /** The programme's time zone (IANA name): where its days, weeks, months and pay periods begin and end. */
  ESCRIBA_PROGRAMME_TIME_ZONE: z
    .string()
    .refine(isTimeZone, { message: "an IANA time zone such as Europe/Madrid" })
    .default("Europe/Madrid"),
});

/** Settings that only make sense together are checked together. */
const checkedEnvironmentSchema = environmentSchema.superRefine((value, context) => {
  if (value.ESCRIBA_STORAGE === "s3" && !value.ESCRIBA_S3_BUCKET) {
    context.addIssue({ code: "custom", path: ["ESCRIBA_S3_BUCKET"], message: "required when ESCRIBA_STORAGE=s3" });
  }
});

function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

export type Environment = z.infer<typeof environmentSchema> & { dataDir: string; releasesDir: string };

let cached: Environment | undefined;

export function env(): Environment {
  if (cached) return cached;
  const parsed = checkedEnvironmentSchema.safeParse(
    Object.fromEntries(Object.entries(process.env).filter(([, value]) => value !== "")),
  );
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Invalid configuration:\n  ${problems.join("\n  ")}`);
  }
  const dataDir = path.resolve(parsed.data.ESCRIBA_DATA_DIR);
  cached = {
    ...parsed.data,
    dataDir,
    releasesDir: path.resolve(parsed.data.ESCRIBA_RELEASES_DIR ?? path.join(dataDir, "releases")),
  };
  return cached;
}

/**
 * Used by `escriba` when it starts the embedded server: the URL becomes part of the configuration of this process
 * (and of the Next.js server it hosts), exactly as if the operator had set DATABASE_URL.
 */
export function useDatabaseUrl(url: string): void {
  process.env.DATABASE_URL = url;
  if (cached) cached = { ...cached, DATABASE_URL: url };
}

/** Likewise for the session-signing secret, which `escriba start` generates once when none is configured. */
export function useAuthSecret(secret: string): void {
  process.env.NEXTAUTH_SECRET = secret;
  if (cached) cached = { ...cached, NEXTAUTH_SECRET: secret };
}

/** The connection string of the running database; set by `escriba start` when it runs the embedded server. */
export function databaseUrl(): string {
  const url = env().DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set: start escriba with `npm start` or set DATABASE_URL.");
  return url;
}
