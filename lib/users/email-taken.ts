// The refusal for an address that already has an account, the same wherever an account would be made.
import { AppError } from "@/lib/errors";

export function emailTaken(): AppError {
  return new AppError("conflict", "An account with this e-mail already exists.", {
    fields: [{ field: "email", message: "already registered" }],
  });
}
