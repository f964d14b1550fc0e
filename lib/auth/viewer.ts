// Who is making a request: the identity every use case receives explicitly.
import type { ItemLanguage, Role, UiLocale } from "@/lib/vocabulary";

export interface Viewer {
  id: string;
  email: string;
  name: string;
  role: Role;
  languages: ItemLanguage[];
  uiLocale: UiLocale | null;
  /** How the request proved who it is; a token cannot create tokens (permissions.ts). */
  authenticatedBy: "session" | "token" | "cli";
  sessionId?: string;
  tokenId?: string;
}
