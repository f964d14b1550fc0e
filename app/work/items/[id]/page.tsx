import { notFound as notFoundPage } from "next/navigation";
import { getGuideline } from "@/lib/campaigns/get-guideline";
import { AppError } from "@/lib/errors";
import { requirePageViewer } from "@/lib/http/page-guard";
import { getItem } from "@/lib/items/get-item";
import { ItemEditor } from "@/components/writing/item-editor";

export default async function ItemPage({ params }: { params: Promise<{ id: string }> }) {
  const viewer = await requirePageViewer("annotator");
  const { id } = await params;
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) notFoundPage();
  const item = await getItem(viewer, id).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "not_found") notFoundPage();
    throw error;
  });
  if (item.authorId !== viewer.id) notFoundPage();
  const guideline = await getGuideline(viewer, item.campaignId, item.language, item.guidelineVersion ?? undefined).catch(() => null);
  return <ItemEditor initialItem={item} guideline={guideline} />;
}
