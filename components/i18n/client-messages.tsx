// Gives the client components below it the groups of the message catalog they use, and no others. Without it every
// page carried the whole catalog of its language in its HTML (about 65 KB of the 140 KB of My work) for the few
// groups its components read. The root layout gives its own components theirs; a page whose client components
// translate wraps what it returns in one of these with their groups. tests/unit/client-message-groups.test.ts
// derives each page's groups from the modules it sends to the browser and fails when a list misses one or names one
// that none of them uses.
import type { ReactNode } from "react";
import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";
import type messagesOfOneLanguage from "@/messages/en.json";

/** A top-level group of the message catalogs. */
export type MessageGroup = keyof typeof messagesOfOneLanguage;

export async function ClientMessages({ groups, children }: { groups: readonly MessageGroup[]; children: ReactNode }) {
  const messages = await getMessages();
  const picked = Object.fromEntries(groups.filter((group) => group in messages).map((group) => [group, messages[group]]));
  return <NextIntlClientProvider messages={picked}>{children}</NextIntlClientProvider>;
}
