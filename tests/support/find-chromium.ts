// Locates a Chromium for Playwright: an explicit path, the system's, or one Playwright downloaded itself.
import { existsSync } from "node:fs";
import { chromium } from "@playwright/test";

const SYSTEM_CANDIDATES = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome", "/usr/bin/google-chrome-stable"];

export function findChromium(explicit: string | undefined): string | null {
  if (explicit) return existsSync(explicit) ? explicit : null;
  const system = SYSTEM_CANDIDATES.find((candidate) => existsSync(candidate));
  if (system) return system;
  try {
    const bundled = chromium.executablePath();
    return bundled && existsSync(bundled) ? bundled : null;
  } catch {
    return null;
  }
}

export const NO_CHROMIUM_MESSAGE = `No Chromium found for the end-to-end tests.
  Debian/Ubuntu:          sudo apt-get install -y chromium
  Where downloads work:   npx playwright install chromium
  Or point ESCRIBA_CHROMIUM_PATH at a Chromium or Chrome executable.`;
