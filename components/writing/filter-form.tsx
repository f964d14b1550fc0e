"use client";
// A GET filter form that applies as soon as a choice changes; its submit button stays for browsers without script.
import { useRouter } from "next/navigation";
import type { ReactNode } from "react";

export function FilterForm({ label, action, children }: { label: string; action: string; children: ReactNode }) {
  const router = useRouter();
  return (
    <form
      className="row"
      method="get"
      action={action}
      aria-label={label}
      onChange={(event) => {
        const query = new URLSearchParams();
        for (const [key, value] of new FormData(event.currentTarget)) if (typeof value === "string" && value) query.set(key, value);
        router.push(query.size > 0 ? `${action}?${query}` : action);
      }}
    >
      {children}
    </form>
  );
}
