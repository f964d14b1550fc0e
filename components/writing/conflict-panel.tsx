"use client";
// A stale save never overwrites: the server's version and the author's are shown side by side to choose from.
import { useTranslations } from "next-intl";
import type { DraftFields } from "@/components/writing/local-draft-copy";
import type { ItemView } from "@/lib/items/schemas";

const SHOWN_FIELDS = ["instruction", "context", "response"] as const;

export function ConflictPanel({ server, mine, onChoose }: { server: ItemView; mine: DraftFields; onChoose: (choice: "mine" | "server") => void }) {
  const t = useTranslations("editor");
  const versions = [
    ["server", t("conflictTheirs"), { instruction: server.instruction, context: server.context ?? "", response: server.response }],
    ["mine", t("conflictMine"), mine],
  ] as const;
  return (
    <div className="card conflict" role="alertdialog" aria-labelledby="conflict-title" aria-describedby="conflict-help">
      <h2 id="conflict-title">{t("conflictTitle")}</h2>
      <p id="conflict-help">{t("conflictHelp")}</p>
      <div className="two-columns">
        {versions.map(([key, title, text]) => (
          <div key={key} data-testid={`conflict-${key}`}>
            <h3>{title}</h3>
            {SHOWN_FIELDS.map((field) => (
              <p key={field}>
                <strong>{t(field)}:</strong> <span className="pre">{text[field]}</span>
              </p>
            ))}
          </div>
        ))}
      </div>
      <div className="row">
        <button type="button" onClick={() => onChoose("mine")}>
          {t("keepMine")}
        </button>
        <button type="button" className="secondary" onClick={() => onChoose("server")}>
          {t("useSaved")}
        </button>
      </div>
    </div>
  );
}
