// Finds IPv4 addresses (every octet ≤ 255) and IPv6 addresses, compressed forms included.
import { isVersionOrSection } from "./number-context";
import type { PiiMatch } from "./pii-match";

const OCTET = String.raw`(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)`;
// No dot-digit on either side, so the last parts of "10.0.0.1.5" or a longer version string are left alone.
const IPV4 = new RegExp(String.raw`(?<![\p{L}\p{N}_.])(?<!\p{N}\.)(?:${OCTET}\.){3}${OCTET}(?![\p{L}\p{N}_]|\.\p{N})`, "gu");
const IPV4_ONLY = new RegExp(String.raw`^(?:${OCTET}\.){3}${OCTET}$`);
const IPV6_CANDIDATE = /(?<![\p{L}\p{N}_:.])(?:[0-9A-Fa-f]{0,4}:){2,7}(?:[0-9A-Fa-f]{1,4}|(?:\d{1,3}\.){3}\d{1,3})?(?![\p{L}\p{N}_:]|\.\p{N})/gu;
// What a person masks with the address: the port ("10.0.0.1:8080", "[2001:db8::1]:443") and an IPv6 zone
// ("fe80::1%eth0"), which names the machine's interface.
const PORT_AFTER = /^:(\d{1,5})(?![\p{L}\p{N}_]|[.,:]\p{N})/u;
const ZONE_AFTER = /^%[\p{L}\p{N}_.\-]*[\p{L}\p{N}]/u;
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

/** End of the address at `end` once a port (at most 65535) that follows it is included. */
function withPort(text: string, end: number): number {
  const port = PORT_AFTER.exec(text.slice(end, end + 7));
  return port && Number(port[1]) <= 65535 ? end + port[0].length : end;
}

/** The IPv6 span with its zone, and with brackets and port when written "[address]:port". */
function ipv6Span(text: string, start: number, end: number): PiiMatch {
  const zone = ZONE_AFTER.exec(text.slice(end, end + 40));
  const to = end + (zone?.[0].length ?? 0);
  if (text[start - 1] === "[" && text[to] === "]") return { type: "ip", start: start - 1, end: withPort(text, to + 1) };
  return { type: "ip", start, end: to };
}

export function findIpAddresses(text: string): PiiMatch[] {
  const found: PiiMatch[] = [];
  for (const m of text.matchAll(IPV4)) {
    const end = m.index + m[0].length;
    // "versión 1.2.3.4", "2.0.3.179 bertsioan", "apartado 1.2.3.4": a version or a section, not an address.
    if (isVersionOrSection(text, m.index, end)) continue;
    found.push({ type: "ip", start: m.index, end: withPort(text, end) });
  }
  // The IPv6 pattern is slow to fail; without a colon it cannot match at all.
  if (!text.includes(":")) return found;
  for (const m of text.matchAll(IPV6_CANDIDATE)) {
    if (isValidIpv6(m[0])) found.push(ipv6Span(text, m.index, m.index + m[0].length));
  }
  return found;
}
