import { forbidden } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { AppError } from "@/lib/errors";
import { orNotFound, requirePageViewer } from "@/lib/http/page-guard";
import { getCampaignProgress } from "@/lib/progress/get-campaign-progress";
import { CampaignProgressView } from "@/components/progress/campaign-progress-view";
import "@/components/progress/progress.css";

export default async function CampaignProgressPage({ params }: { params: Promise<{ slug: string }> }) {
  const viewer = await requirePageViewer("annotator");
  const { slug } = await params;
  const progress = await orNotFound(getCampaignProgress(viewer, { slug })).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "forbidden") forbidden();
    throw error;
  });
  const t = await getTranslations("progress");
  return (
    <section className="stack-large">
      <h1>{t("title", { campaign: progress.campaign.name })}</h1>
      <CampaignProgressView progress={progress} ownLanguagesOnly={viewer.role !== "maintainer"} />
    </section>
  );
}
