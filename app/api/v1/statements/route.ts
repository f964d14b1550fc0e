import { apiHandler } from "@/lib/http/api-handler";
import * as operations from "@/lib/http/operations/pay";
import { listStatements } from "@/lib/pay/read-statements";

export const GET = apiHandler(operations.listStatements, async ({ viewer, query }) => ({ statements: await listStatements(viewer, query) }));
