// The guard every page uses: no viewer → the sign-in page; wrong role → a real 403 page.
import { forbidden, redirect } from "next/navigation";
import { hasRole } from "@/lib/auth/permissions";
import type { Role, Viewer } from "@/lib/auth/viewer";
import { browserSessionEnded, currentViewer } from "@/lib/http/authenticate";

export async function requirePageViewer(minimumRole: Role = "annotator"): Promise<Viewer> {
  const viewer = await currentViewer();
  if (!viewer) redirect((await browserSessionEnded()) ? "/sign-in?ended=1" : "/sign-in");
  if (!hasRole(viewer, minimumRole)) forbidden();
  return viewer;
}
