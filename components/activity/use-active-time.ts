"use client";
// Honest active time on a working page (the editor, the review screen): time counts only while the page is visible
// and focused and the person typed, clicked or scrolled within the last two minutes. The seconds counted go to the
// server in a heartbeat about every 30 s, and what is left goes with navigator.sendBeacon when the page is hidden or
// left. A beat keeps its id until the server answers, so a beat sent twice (a retry, a beacon) is credited once.
import { useCallback, useEffect, useRef } from "react";
import { ApiRequestError, callOperation } from "@/components/api-client";
import { HEARTBEAT_INTERVAL_SECONDS, IDLE_AFTER_SECONDS } from "@/lib/activity/heartbeat-rules";
import type { HeartbeatInput } from "@/lib/activity/schemas";
import { recordHeartbeat } from "@/lib/http/operations/activity";

type ActivityKind = HeartbeatInput["kind"];
interface Beat {
  beatId: string;
  seconds: number;
}

/** What counts as the person being there: typing, clicking, touching, scrolling (textareas scroll too: capture). */
const INPUT_EVENTS = ["keydown", "pointerdown", "wheel", "scroll", "touchstart"] as const;

/** A random (version 4) UUID; crypto.randomUUID exists only on HTTPS or localhost, getRandomValues everywhere. */
function newBeatId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = [...bytes].map((byte) => byte.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function pageHasAttention(): boolean {
  return document.visibilityState === "visible" && document.hasFocus();
}

/** A refusal (the item is no longer this person's to work on) will not change by sending the beat again. */
function isRefusal(error: unknown): boolean {
  return error instanceof ApiRequestError && error.status >= 400 && error.status < 500 && error.status !== 408 && error.status !== 429;
}

export function useActiveTime(kind: ActivityKind, itemId: string, enabled: boolean) {
  /** Milliseconds counted and not yet put in a beat. */
  const countedMs = useRef(0);
  /** Up to when (performance.now()) time has been looked at. */
  const countedUntil = useRef(0);
  /** The last typing, click or scroll (performance.now()), or null before the first one. */
  const lastInputAt = useRef<number | null>(null);
  /** Whether the page was visible and focused since countedUntil (updated only after counting up to a change). */
  const attentive = useRef(false);
  /** The beat on its way, or refused by the network: sent again, with the same id, until the server answers. */
  const unanswered = useRef<Beat | null>(null);
  const inFlight = useRef<Promise<void> | null>(null);

  /** Counts the time since the last look: the part of it the page had attention and the person was not idle. */
  const count = useCallback(() => {
    const now = performance.now();
    if (attentive.current && lastInputAt.current !== null) {
      const activeUntil = Math.min(now, lastInputAt.current + IDLE_AFTER_SECONDS * 1000);
      countedMs.current += Math.max(0, activeUntil - countedUntil.current);
    }
    countedUntil.current = now;
  }, []);

  /** The next beat to send: the unanswered one again, or a new one with the whole seconds counted so far. */
  const nextBeat = useCallback((): Beat | null => {
    count();
    if (unanswered.current) return unanswered.current;
    const seconds = Math.floor(countedMs.current / 1000);
    if (seconds < 1) return null;
    countedMs.current -= seconds * 1000;
    unanswered.current = { beatId: newBeatId(), seconds };
    return unanswered.current;
  }, [count]);

  /** Sends the seconds counted so far and waits for the answer (before submitting, or giving an item back). */
  const report = useCallback(async (): Promise<void> => {
    if (inFlight.current) await inFlight.current;
    const beat = nextBeat();
    if (!beat) return;
    inFlight.current = (async () => {
      try {
        await callOperation(recordHeartbeat, { body: { kind, itemId, ...beat } });
        if (unanswered.current === beat) unanswered.current = null;
      } catch (error) {
        if (isRefusal(error) && unanswered.current === beat) unanswered.current = null;
      } finally {
        inFlight.current = null;
      }
    })();
    await inFlight.current;
  }, [kind, itemId, nextBeat]);

  /** The page is going away or out of sight: what is counted leaves now, by beacon, which outlives the page. */
  const sendOnLeave = useCallback(() => {
    const beats: Beat[] = unanswered.current ? [unanswered.current] : [];
    unanswered.current = null;
    const fresh = nextBeat();
    if (fresh) beats.push(fresh);
    // A beacon gets no answer: these beats are done with (the server ignores one it already counted).
    unanswered.current = null;
    for (const beat of beats) {
      const json = JSON.stringify({ kind, itemId, ...beat });
      // application/json, same origin: it passes the API's CSRF check like any fetch from this page.
      const queued = navigator.sendBeacon?.(recordHeartbeat.path, new Blob([json], { type: "application/json" }));
      if (!queued) {
        void fetch(recordHeartbeat.path, {
          method: "POST",
          keepalive: true,
          credentials: "same-origin",
          headers: { "content-type": "application/json" },
          body: json,
        }).catch(() => {});
      }
    }
  }, [kind, itemId, nextBeat]);

  useEffect(() => {
    if (!enabled) return;
    countedUntil.current = performance.now();
    attentive.current = pageHasAttention();
    const onInput = () => {
      count();
      lastInputAt.current = performance.now();
    };
    const onAttentionChange = () => {
      count();
      attentive.current = pageHasAttention();
      if (document.visibilityState === "hidden") sendOnLeave();
    };
    const beat = setInterval(() => void report(), HEARTBEAT_INTERVAL_SECONDS * 1000);
    for (const type of INPUT_EVENTS) window.addEventListener(type, onInput, { capture: true, passive: true });
    window.addEventListener("focus", onAttentionChange);
    window.addEventListener("blur", onAttentionChange);
    document.addEventListener("visibilitychange", onAttentionChange);
    window.addEventListener("pagehide", sendOnLeave);
    return () => {
      clearInterval(beat);
      for (const type of INPUT_EVENTS) window.removeEventListener(type, onInput, { capture: true });
      window.removeEventListener("focus", onAttentionChange);
      window.removeEventListener("blur", onAttentionChange);
      document.removeEventListener("visibilitychange", onAttentionChange);
      window.removeEventListener("pagehide", sendOnLeave);
      // Leaving within the app (a link, the work is done) unmounts without a pagehide.
      sendOnLeave();
      attentive.current = false;
    };
  }, [enabled, count, report, sendOnLeave]);

  return { report };
}
