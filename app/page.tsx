import { redirect } from "next/navigation";
import { homePathFor } from "@/lib/auth/permissions";
import { currentViewer } from "@/lib/http/authenticate";

export default async function HomePage() {
  const viewer = await currentViewer();
  redirect(viewer ? homePathFor(viewer) : "/sign-in");
}
