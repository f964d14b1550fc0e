"use client";
// describeError in the reader's language: the hook every component that shows a server error calls.
import { useTranslations } from "next-intl";
import { describeError, type ErrorMessage } from "@/components/errors/error-message";

export function useErrorMessage(): (error: unknown) => ErrorMessage {
  const t = useTranslations("apiErrors");
  const translate = Object.assign((key: string, values?: Record<string, string>) => t(key, values), { has: (key: string) => t.has(key) });
  return (error) => describeError(error, translate);
}
