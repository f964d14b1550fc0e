import { Suspense } from "react";
import { hasRole } from "@/lib/auth/permissions";
import { requirePageViewer } from "@/lib/http/page-guard";
import { getTranslations } from "next-intl/server";
import { ItemExplorer } from "@/components/explorer/item-explorer";
import { LocaleDataGate } from "@/components/productivity/locale-data-gate";
import { ClientMessages } from "@/components/i18n/client-messages";
import "@/components/explorer/explorer.css";

export default async function ExplorerPage() {
  const viewer = await requirePageViewer("reviewer");
  const common = await getTranslations("common");
  return (
    <ClientMessages
      groups={[
        "apiErrors", "campaigns", "categories", "common", "explorer", "explorerCounts", "history", "importProblems",
        "itemStatuses", "items", "languageId", "languages", "quality", "reviewScreen",
      ]}
    >
      {/* The explorer reads its query from the URL on the client. */}
      <Suspense>
        <LocaleDataGate fallback={<p>{common("loading")}</p>}>
          <ItemExplorer canAct={hasRole(viewer, "maintainer")} />
        </LocaleDataGate>
      </Suspense>
    </ClientMessages>
  );
}
