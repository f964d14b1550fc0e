"use client";
// True once React has attached event handlers. Buttons that act through JavaScript stay disabled until then,
// so an early click is never lost and a form is never submitted natively (which would put a password in the URL).
import { useSyncExternalStore } from "react";

const subscribe = () => () => {};

export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
}
