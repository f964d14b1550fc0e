import { getTranslations } from "next-intl/server";
import { listCampaigns } from "@/lib/campaigns/list-campaigns";
import { requirePageViewer } from "@/lib/http/page-guard";
import { listCellsToSteer } from "@/lib/progress/list-cells-to-steer";
import { NewItemForm } from "@/components/writing/new-item-form";
import "@/components/progress/progress.css";

export default async function NewItemPage() {
  const viewer = await requirePageViewer("annotator");
  const [t, campaigns, cells] = await Promise.all([getTranslations("items"), listCampaigns(viewer), listCellsToSteer(viewer)]);
  const open = campaigns.filter((campaign) => campaign.status === "active");
  return (
    <section className="narrow">
      <h1>{t("newTitle")}</h1>
      {open.length === 0 ? <p>{t("noCampaigns")}</p> : <NewItemForm campaigns={open} languages={viewer.languages} cells={cells} />}
    </section>
  );
}
