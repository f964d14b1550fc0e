import { getFormatter, getTranslations } from "next-intl/server";
import { listCampaigns } from "@/lib/campaigns/list-campaigns";
import { requirePageViewer } from "@/lib/http/page-guard";
import { listCellsToSteer } from "@/lib/progress/list-cells-to-steer";
import { formatPercent } from "@/components/progress/progress-grid";
import { NewItemForm } from "@/components/writing/new-item-form";
import { ClientMessages } from "@/components/i18n/client-messages";
import "@/components/progress/progress.css";

export default async function NewItemPage() {
  const viewer = await requirePageViewer("annotator");
  const [t, format, campaigns, ranked] = await Promise.all([
    getTranslations("items"),
    getFormatter(),
    listCampaigns(viewer),
    listCellsToSteer(viewer),
  ]);
  const open = campaigns.filter((campaign) => campaign.status === "active");
  // Formatted here, in the UI's locale: a browser's Intl may not know it.
  const cells = ranked.map((cell) => ({
    ...cell,
    figures:
      cell.target === null
        ? null
        : { remaining: format.number(cell.remaining!), target: format.number(cell.target), percent: formatPercent(format, cell.percentDone!) },
  }));
  return (
    <ClientMessages groups={["apiErrors", "campaignSetup", "categories", "items", "languages", "steering", "wording"]}>
      <section className="narrow">
        <h1>{t("newTitle")}</h1>
        {open.length === 0 ? <p>{t("noCampaigns")}</p> : <NewItemForm campaigns={open} languages={viewer.languages} cells={cells} />}
      </section>
    </ClientMessages>
  );
}
