"use client";
// One calm line saying where the text is: on the server, on its way, or kept on this device only.
import { useTranslations } from "next-intl";
import type { ApiRequestError } from "@/components/api-client";
import { useErrorMessage } from "@/components/errors/use-error-message";
import type { SaveState } from "@/components/writing/draft-autosave-state";

export function SaveStatus({ state, refusal }: { state: SaveState; refusal: ApiRequestError | null }) {
  const t = useTranslations("editor");
  const availability = useTranslations("availability");
  const describeError = useErrorMessage();
  const text =
    state === "busy"
      ? availability("editorSaveBusy")
      : state === "refused"
        ? refusal?.status === 401
          ? t("signedOut")
          : t("refused", { message: describeError(refusal).text })
        : t(state);
  // "busy" is not a warning: nothing is wrong with the text, and saving resumes by itself.
  const warning = state === "offline" || state === "retrying" || state === "refused" || state === "conflict";
  return (
    <p role="status" data-testid="save-status" data-state={state} className={warning ? "save-status error" : "save-status muted"}>
      {text}
    </p>
  );
}
