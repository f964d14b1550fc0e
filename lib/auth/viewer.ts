// Who is making a request: the identity every use case receives explicitly.
import type { ItemLanguage } from "@/lib/items/vocabulary";

export const ROLES = ["annotator", "reviewer", "maintainer"] as const;
export type Role = (typeof ROLES)[number];

export const UI_LOCALES = ["es", "ca", "eu", "gl", "en"] as const;
export type UiLocale = (typeof UI_LOCALES)[number];

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
