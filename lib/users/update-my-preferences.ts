// A person's own preferences; today the UI language, which is independent of the languages they write in.
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { updateMyPreferencesInputSchema, type MeView } from "@/lib/users/schemas";
import { describeMe } from "@/lib/users/describe-me";

export async function updateMyPreferences(viewer: Viewer, input: unknown): Promise<MeView> {
  const { uiLocale } = updateMyPreferencesInputSchema.parse(input);
  await db().user.update({ where: { id: viewer.id }, data: { uiLocale } });
  return describeMe({ ...viewer, uiLocale });
}
