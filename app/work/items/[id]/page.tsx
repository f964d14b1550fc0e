import { orNotFound, requirePageViewer } from "@/lib/http/page-guard";
import { getEditorContext } from "@/lib/items/get-editor-context";
import { ItemEditor } from "@/components/writing/item-editor";
import { ClientMessages } from "@/components/i18n/client-messages";
import "@/components/writing/writing.css";
import "@/components/provenance/provenance.css";

export default async function ItemPage({ params }: { params: Promise<{ id: string }> }) {
  const viewer = await requirePageViewer("annotator");
  const { id } = await params;
  const { item, guideline, categories } = await orNotFound(getEditorContext(viewer, id));
  return (
    <ClientMessages
      groups={[
        "apiErrors", "availability", "categories", "editor", "history", "itemStatuses", "items", "languageId", "languages",
        "provenance", "quality",
      ]}
    >
      <ItemEditor initialItem={item} guideline={guideline} categories={categories} />
    </ClientMessages>
  );
}
