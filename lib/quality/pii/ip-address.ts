// Finds IPv4 addresses (every octet ≤ 255) and IPv6 addresses, compressed forms included.
import type { PiiMatch } from "./pii-match";

const OCTET = String.raw`(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)`;
// No dot-digit on either side, so the last parts of "10.0.0.1.5" or a longer version string are left alone.
const IPV4 = new RegExp(String.raw`(?<![\p{L}\p{N}_.])(?<!\p{N}\.)(?:${OCTET}\.){3}${OCTET}(?![\p{L}\p{N}_]|\.\p{N})`, "gu");
const IPV4_ONLY = new RegExp(String.raw`^(?:${OCTET}\.){3}${OCTET}$`);
const IPV6_CANDIDATE = /(?<![\p{L}\p{N}_:.])(?:[0-9A-Fa-f]{0,4}:){2,7}(?:[0-9A-Fa-f]{1,4}|(?:\d{1,3}\.){3}\d{1,3})?(?![\p{L}\p{N}_:]|\.\p{N})/gu;
// "versión 1.2.3.4", "v1.0.0.2": a version number with four small parts is not an address.
const VERSION_BEFORE = /(?:\bv|versi[oó]n?|versió|bertsioa|release|build)\s*$/iu;
const HEX_GROUP = /^[0-9A-Fa-f]{1,4}$/;

/** Counts the 16-bit groups of one side of "::", or -1 when a group is malformed. */
function countGroups(side: string, mayEndWithIpv4: boolean): number {
  if (side === "") return 0;
  const parts = side.split(":");
  let count = 0;
  for (const [i, part] of parts.entries()) {
    if (mayEndWithIpv4 && i === parts.length - 1 && IPV4_ONLY.test(part)) count += 2;
    else if (HEX_GROUP.test(part)) count += 1;
    else return -1;
  }
  return count;
}

export function isValidIpv6(candidate: string): boolean {
  // Times such as 10:30:45 and MAC addresses have neither eight groups nor "::", so they fail here.
  const halves = candidate.split("::");
  if (halves.length > 2 || !/\d/.test(candidate)) return false;
  const [head = "", tail] = halves;
  if (tail === undefined) return countGroups(head, true) === 8;
  const headCount = countGroups(head, false);
  const tailCount = countGroups(tail, true);
  return headCount >= 0 && tailCount >= 0 && headCount + tailCount <= 7 && headCount + tailCount >= 1;
}

export function findIpAddresses(text: string): PiiMatch[] {
  const found: PiiMatch[] = [];
  for (const m of text.matchAll(IPV4)) {
    if (VERSION_BEFORE.test(text.slice(Math.max(0, m.index - 12), m.index))) continue;
    found.push({ type: "ip", start: m.index, end: m.index + m[0].length });
  }
  // The IPv6 pattern is slow to fail; without a colon it cannot match at all.
  if (!text.includes(":")) return found;
  for (const m of text.matchAll(IPV6_CANDIDATE)) {
    if (isValidIpv6(m[0])) found.push({ type: "ip", start: m.index, end: m.index + m[0].length });
  }
  return found;
}
