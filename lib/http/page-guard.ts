// The guard every page uses: no viewer → the sign-in page; wrong role → a real 403 page; something the viewer may
// not see (or that does not exist) → the 404 page.
import { forbidden, notFound, redirect } from "next/navigation";
import { hasRole } from "@/lib/auth/permissions";
import type { Viewer } from "@/lib/auth/viewer";
import { AppError } from "@/lib/errors";
import { browserSessionEnded, currentViewer } from "@/lib/http/authenticate";
import type { Role } from "@/lib/vocabulary";

export async function requirePageViewer(minimumRole: Role = "annotator"): Promise<Viewer> {
  const viewer = await currentViewer();
  if (!viewer) redirect((await browserSessionEnded()) ? "/sign-in?ended=1" : "/sign-in");
  if (!hasRole(viewer, minimumRole)) forbidden();
  return viewer;
}

/** What a page's use case returns, or the 404 page when it says "not found". */
export async function orNotFound<T>(loading: Promise<T>): Promise<T> {
  try {
    return await loading;
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  }
}
