// The rules of honest active time, shared by the browser (what it counts and how often it reports) and the server
// (what one report may add). Plain constants: the editor and the review screen import them too.

/** Time counts only while the person typed, clicked or scrolled within this many seconds. */
export const IDLE_AFTER_SECONDS = 120;

/** The browser reports the seconds it counted about this often, and once more when the page is hidden or left. */
export const HEARTBEAT_INTERVAL_SECONDS = 30;

/** The most one heartbeat may add, whatever it claims and however long since the previous one. */
export const MAX_CREDIT_PER_BEAT_SECONDS = 90;

/** The most a person's first heartbeat of a kind (or the first after a day) may add: one interval and some slack. */
export const FIRST_BEAT_MAX_SECONDS = 60;

/** A claim above this is not a capped report but nonsense, refused by name. */
export const MAX_CLAIMED_SECONDS = 86_400;

/** How long a beat's id is remembered, so that a beat sent again within it is credited once. */
export const BEAT_ID_RETENTION_HOURS = 24;

/** Reviewing beats are taken this long after the reviewer's decision ended the lease (the screen's last seconds). */
export const AFTER_DECISION_GRACE_SECONDS = 300;
