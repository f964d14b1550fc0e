// A use case names the inputs it refuses ("campaign"); over HTTP those inputs are query parameters, which the API's
// error shape names with their location ("query.campaign"), as it does for the ones zod refuses.
import { AppError } from "@/lib/errors";

export async function namingQueryFields<T>(running: Promise<T>): Promise<T> {
  try {
    return await running;
  } catch (error) {
    if (!(error instanceof AppError) || error.fields.length === 0) throw error;
    const fields = error.fields.map((problem) => ({ ...problem, field: `query.${problem.field}` }));
    throw new AppError(error.code, error.message, { fields, details: error.details });
  }
}
