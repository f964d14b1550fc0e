// Why a one-time link cannot be used, in words, with the way back to sign-in.
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { AccountLinkProblem } from "@/lib/accounts/account-links";

const MESSAGE_BY_PROBLEM = { link_expired: "linkExpired", link_used: "linkUsed", link_unknown: "linkUnknown" } as const;

export async function LinkRefusal({ problem }: { problem: AccountLinkProblem }) {
  const t = await getTranslations("accounts");
  return (
    <div className="stack">
      <p role="alert" className="error" data-testid="link-refused">
        {t(MESSAGE_BY_PROBLEM[problem])}
      </p>
      <p>
        <Link href="/sign-in">{t("backToSignIn")}</Link>
      </p>
    </div>
  );
}
