import { Suspense } from "react";
import { hasRole } from "@/lib/auth/permissions";
import { requirePageViewer } from "@/lib/http/page-guard";
import { ItemExplorer } from "@/components/explorer/item-explorer";
import "@/components/explorer/explorer.css";

export default async function ExplorerPage() {
  const viewer = await requirePageViewer("reviewer");
  return (
    // The explorer reads its query from the URL on the client.
    <Suspense>
      <ItemExplorer canAct={hasRole(viewer, "maintainer")} />
    </Suspense>
  );
}
