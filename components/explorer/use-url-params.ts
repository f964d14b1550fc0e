"use client";
// The explorer's query, held in the URL so it can be shared, but read from what was last asked for while navigations
// are on their way (see UrlQueryTracker): two filters changed in quick succession both stay.
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useEffect, useMemo, useRef, useState } from "react";
import { UrlQueryTracker, type QueryChanges } from "@/components/explorer/url-query-tracker";

export function useUrlParams(): [Record<string, string>, (changes: QueryChanges) => void] {
  const router = useRouter();
  const pathname = usePathname();
  const landed = useSearchParams().toString();
  const tracker = useRef<UrlQueryTracker | null>(null);
  tracker.current ??= new UrlQueryTracker(landed);
  const [asked, setAsked] = useState<string | null>(null);

  useEffect(() => {
    setAsked(tracker.current!.land(landed));
  }, [landed]);

  const current = asked ?? landed;
  const params = useMemo(() => Object.fromEntries(new URLSearchParams(current).entries()), [current]);

  function setParams(changes: QueryChanges) {
    // A navigation may have landed a moment ago without the effect above having run yet: settle it first, so this
    // change starts from the query as it is now.
    const queries = tracker.current!;
    queries.land(landed);
    const query = queries.ask(changes);
    setAsked(queries.pending);
    router.replace(`${pathname}?${query}`, { scroll: false });
  }

  return [params, setParams];
}
