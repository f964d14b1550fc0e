// What the explorer's query is while its navigations are on their way. The URL holds the query, but a navigation
// (router.replace) lands a moment after it is asked for, later still on a busy server. Until the ones in flight land,
// the query is the one last asked for; a URL none of them sent (back, forward, a link) is the query again.
//
// Plain TypeScript, kept out of the React hook, so that every order of events can be tested: a change asked for in
// the moment between a navigation landing and the page hearing of it must still start from what was last asked for.

export type QueryChanges = Record<string, string | undefined>;

export class UrlQueryTracker {
  /** The URL's query string as last heard of. */
  private landed: string;
  /** The query last asked for, while some navigation is still on its way; null when the URL is the query. */
  private asked: string | null = null;
  /** Query strings sent and not landed, oldest first. */
  private inFlight: string[] = [];

  constructor(landed: string) {
    this.landed = landed;
  }

  /**
   * The URL now shows `url`. A query sent landing settles it and every one sent before it (a navigation may be
   * overtaken, and never land); any other URL ends what was in flight. Returns the query asked for that is still to
   * land, or null when the URL is the query.
   */
  land(url: string): string | null {
    if (url === this.landed) return this.asked;
    this.landed = url;
    const sent = this.inFlight.lastIndexOf(url);
    this.inFlight = sent === -1 ? [] : this.inFlight.slice(sent + 1);
    if (this.inFlight.length === 0) this.asked = null;
    return this.asked;
  }

  /**
   * The query with `changes` made to the current one (an empty or undefined value removes the parameter), to navigate
   * to; in flight until it lands.
   */
  ask(changes: QueryChanges): string {
    const next = new URLSearchParams(this.current);
    for (const [name, value] of Object.entries(changes)) {
      if (value === undefined || value === "") next.delete(name);
      else next.set(name, value);
    }
    const query = next.toString();
    if (query === this.landed) {
      // Back to what the URL shows: nothing to wait for (its navigation changes no URL, so it would never be heard of).
      this.inFlight = [];
      this.asked = null;
    } else {
      this.inFlight.push(query);
      this.asked = query;
    }
    return query;
  }

  /** The query asked for that is still to land; null when the URL is the query. */
  get pending(): string | null {
    return this.asked;
  }

  /** The query the page shows and fetches. */
  get current(): string {
    return this.asked ?? this.landed;
  }
}
