// An S3-compatible server on localhost for tests (s3rver, in this process, data in a temporary folder), and the
// environment that points escriba at it. Start it before anything reads the configuration.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import S3rver from "s3rver";

export const TEST_BUCKET = "escriba-test-releases";
/** s3rver accepts these keys (and signs with them), like any other pair. */
const KEYS = { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" };

export interface TestS3Server {
  endpoint: string;
  /** The ESCRIBA_* variables that select this server as release storage. */
  env: Record<string, string>;
  credentials: typeof KEYS;
  stop(): Promise<void>;
}

export async function startTestS3Server(): Promise<TestS3Server> {
  const directory = await mkdtemp(path.join(tmpdir(), "escriba-s3-"));
  const server = new S3rver({ address: "127.0.0.1", port: 0, silent: true, directory, configureBuckets: [{ name: TEST_BUCKET }] });
  const { port } = await server.run();
  const endpoint = `http://127.0.0.1:${port}`;
  return {
    endpoint,
    credentials: KEYS,
    env: {
      ESCRIBA_STORAGE: "s3",
      ESCRIBA_S3_ENDPOINT: endpoint,
      ESCRIBA_S3_BUCKET: TEST_BUCKET,
      ESCRIBA_S3_REGION: "us-east-1",
      ESCRIBA_S3_ACCESS_KEY_ID: KEYS.accessKeyId,
      ESCRIBA_S3_SECRET_ACCESS_KEY: KEYS.secretAccessKey,
      ESCRIBA_S3_FORCE_PATH_STYLE: "1",
      ESCRIBA_S3_PREFIX: "releases/",
    },
    async stop() {
      await server.close();
      await rm(directory, { recursive: true, force: true });
    },
  };
}
