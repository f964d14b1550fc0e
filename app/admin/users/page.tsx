import { getTranslations } from "next-intl/server";
import { env } from "@/lib/env";
import { requirePageViewer } from "@/lib/http/page-guard";
import { UserAdmin } from "@/components/users/user-admin";

export default async function UsersPage() {
  const viewer = await requirePageViewer("maintainer");
  const t = await getTranslations("users");
  return (
    <section>
      <h1>{t("title")}</h1>
      <p>{t("intro")}</p>
      <UserAdmin viewerId={viewer.id} invitationDays={env().ESCRIBA_INVITATION_DAYS} />
    </section>
  );
}
