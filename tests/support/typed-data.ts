// Whether a text on a page is (part of) something people typed or named — users, campaigns, guidelines, items and
// their revisions, comments, notes, labels, file names — by looking for it in the rows themselves. Used by the
// all-pages test, which shares the database with every other spec: their rows appear in lists too.
import { db } from "@/lib/db";

export async function isTypedData(text: string): Promise<boolean> {
  const contains = { contains: text };
  const found = await Promise.all([
    db().user.findFirst({ where: { OR: [{ name: contains }, { email: contains }] }, select: { id: true } }),
    db().campaign.findFirst({ where: { OR: [{ name: contains }, { slug: contains }, { description: contains }] }, select: { id: true } }),
    db().guideline.findFirst({ where: { body: contains }, select: { id: true } }),
    db().item.findFirst({
      where: { OR: [{ instruction: contains }, { context: contains }, { response: contains }, { sourceUrl: contains }, { languageJustification: contains }, { variety: contains }] },
      select: { id: true },
    }),
    db().itemRevision.findFirst({ where: { OR: [{ instruction: contains }, { context: contains }, { response: contains }] }, select: { id: true } }),
    db().review.findFirst({ where: { comment: contains }, select: { id: true } }),
    db().adjudication.findFirst({ where: { comment: contains }, select: { id: true } }),
    db().reviewCheck.findFirst({ where: { comment: contains }, select: { id: true } }),
    db().goldItem.findFirst({ where: { explanation: contains }, select: { itemId: true } }),
    db().writingEvidence.findFirst({ where: { note: contains }, select: { id: true } }),
    db().release.findFirst({ where: { OR: [{ notes: contains }, { version: contains }] }, select: { id: true } }),
    db().releaseFile.findFirst({ where: { path: contains }, select: { path: true } }),
    db().payPeriod.findFirst({ where: { label: contains }, select: { id: true } }),
    db().adjustment.findFirst({ where: { reason: contains }, select: { id: true } }),
    db().apiToken.findFirst({ where: { name: contains }, select: { id: true } }),
    db().importJob.findFirst({ where: { fileName: contains }, select: { id: true } }),
  ]);
  return found.some(Boolean);
}
