"use client";
// The explorer's query, held in the URL so it can be shared, but read from what was last asked for. A navigation
// (router.replace) lands a moment later, later still on a busy server: two filters changed in quick succession
// would otherwise each start from the URL as it was, and the second would silently drop the first. Until the
// navigations in flight land, the page shows and fetches the query last asked for; a URL that none of them sent
// (back, forward, a link) replaces it.
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useEffect, useMemo, useRef, useState } from "react";

export function useUrlParams(): [Record<string, string>, (changes: Record<string, string | undefined>) => void] {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const landed = searchParams.toString();
  const [asked, setAsked] = useState<string | null>(null);
  /** Query strings sent and not yet landed. */
  const inFlight = useRef(new Set<string>());

  const lastLanded = useRef(landed);
  useEffect(() => {
    // Only a change of the URL decides (not a new query asked for while the URL still shows the old one).
    if (lastLanded.current === landed) return;
    lastLanded.current = landed;
    if (asked === null) return;
    // The last one asked for landed, or the URL changed for another reason: the URL is the query again.
    if (landed === asked || !inFlight.current.has(landed)) {
      inFlight.current.clear();
      setAsked(null);
    }
  }, [landed, asked]);

  const current = asked ?? landed;
  const params = useMemo(() => Object.fromEntries(new URLSearchParams(current).entries()), [current]);

  function setParams(changes: Record<string, string | undefined>) {
    const next = new URLSearchParams(current);
    for (const [name, value] of Object.entries(changes)) {
      if (value === undefined || value === "") next.delete(name);
      else next.set(name, value);
    }
    const query = next.toString();
    inFlight.current.add(query);
    setAsked(query);
    router.replace(`${pathname}?${query}`, { scroll: false });
  }

  return [params, setParams];
}
