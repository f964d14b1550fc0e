"use client";
// Keeps a server-rendered page live: its server components render again, with fresh figures, every so often.
import { useRouter } from "next/navigation";
import { useEffect } from "react";

export function LiveRefresh({ seconds }: { seconds: number }) {
  const router = useRouter();
  useEffect(() => {
    const timer = setInterval(() => router.refresh(), seconds * 1000);
    return () => clearInterval(timer);
  }, [router, seconds]);
  return null;
}
