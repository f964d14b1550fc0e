import { apiHandler } from "@/lib/http/api-handler";
import * as operations from "@/lib/http/operations/pay";
import { getStatement } from "@/lib/pay/read-statements";

export const GET = apiHandler(operations.getStatement, async ({ viewer, params }) => getStatement(viewer, params.statementId));
