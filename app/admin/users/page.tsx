import { getTranslations } from "next-intl/server";
import { env } from "@/lib/env";
import { requirePageViewer } from "@/lib/http/page-guard";
import { UserAdmin } from "@/components/users/user-admin";
import { ClientMessages } from "@/components/i18n/client-messages";

export default async function UsersPage() {
  const viewer = await requirePageViewer("maintainer");
  const t = await getTranslations("users");
  return (
    <ClientMessages
      groups={[
        "accounts", "adminConfirm", "apiErrors", "common", "languages", "passwordRule", "roles", "uiLabels", "users",
      ]}
    >
      <section>
        <h1>{t("title")}</h1>
        <p>{t("intro")}</p>
        <UserAdmin viewerId={viewer.id} invitationDays={env().ESCRIBA_INVITATION_DAYS} />
      </section>
    </ClientMessages>
  );
}
