"use client";
// Maintainers start a release: semantic version, licence and notes. The server validates (the form does not
// duplicate its rules); what it refuses is shown next to the field it names, in the reader's language.
import { useFormatter, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { ApiRequestError } from "@/components/api-client";
import { useErrorMessage } from "@/components/errors/use-error-message";
import { useCreateRelease } from "@/components/releases/release-queries";
import { useHydrated } from "@/components/use-hydrated";
import { RELEASE_LICENSES, releaseVersionSchema } from "@/lib/releases/schemas";
import type { NextReleasePreview } from "@/lib/releases/preview-next-release";

type FormField = "version" | "license" | "notes";
const FORM_FIELDS: readonly string[] = ["version", "license", "notes"] satisfies FormField[];

export function CreateReleaseForm({ latestPublished, preview }: { latestPublished: string | null; preview: NextReleasePreview }) {
  const t = useTranslations("releases");
  const tPreview = useTranslations("releasePreview");
  const format = useFormatter();
  const router = useRouter();
  const hydrated = useHydrated();
  const create = useCreateRelease();
  const describeError = useErrorMessage();
  const [version, setVersion] = useState("");
  const [createdVersion, setCreatedVersion] = useState<string | null>(null);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const element = event.currentTarget;
    const form = new FormData(element);
    setCreatedVersion(null);
    create.mutate(
      {
        version: version.trim(),
        license: String(form.get("license")) as (typeof RELEASE_LICENSES)[number],
        notes: String(form.get("notes") ?? ""),
      },
      {
        // A fresh form for the next release (the status line says which one was started), and a fresh preview.
        onSuccess: (release) => {
          setCreatedVersion(release.version);
          setVersion("");
          element.reset();
          router.refresh();
        },
      },
    );
  }

  const failure = create.error instanceof ApiRequestError ? create.error : null;
  /** The server's messages are English; each field gets its own translated explanation instead. */
  function problemWith(field: FormField): string | null {
    if (!failure?.failure.fields.some((problem) => problem.field === field)) return null;
    if (field === "version") {
      if (failure.status === 409) return t("versionTaken");
      // A well-formed version the server still refused is not greater than the latest published one.
      if (latestPublished && releaseVersionSchema.safeParse(create.variables?.version).success) return t("versionNotGreater", { latest: latestPublished });
      return t("versionInvalid");
    }
    return field === "license" ? t("licenseInvalid") : t("notesTooLong");
  }
  const described = create.error ? describeError(create.error) : null;
  const otherProblems = described?.fields.filter((problem) => !FORM_FIELDS.includes(problem.field)) ?? [];
  const formProblem =
    described && (!failure || failure.failure.fields.length === 0)
      ? failure?.status === 409
        ? t("nothingToRelease")
        : described.text
      : otherProblems.map((problem) => problem.text).join(" ") || null;

  const fieldProps = (field: FormField) => {
    const problem = problemWith(field);
    return {
      name: field,
      id: `release-${field}`,
      "aria-invalid": problem ? true : undefined,
      "aria-describedby": [`release-${field}-help`, problem ? `release-${field}-error` : ""].filter(Boolean).join(" "),
    };
  };
  const fieldError = (field: FormField) => {
    const problem = problemWith(field);
    return (
      problem && (
        <p id={`release-${field}-error`} className="error small-text" role="alert">
          {problem}
        </p>
      )
    );
  };

  return (
    <form className="card stack" onSubmit={onSubmit} noValidate aria-labelledby="create-release-title">
      <h2 id="create-release-title">{t("create")}</h2>
      <div className="release-preview" data-testid="release-preview" aria-label={tPreview("title")} role="group">
        <p>{tPreview("items", { count: preview.items })}</p>
        <p className="muted">
          {preview.since
            ? tPreview("changes", {
                version: preview.since,
                added: format.number(preview.added),
                revised: format.number(preview.revised),
                removed: format.number(preview.removed),
              })
            : tPreview("first")}
        </p>
      </div>
      <div className="row release-form-row">
        <div className="field">
          <label htmlFor="release-version">{t("version")}</label>
          <input {...fieldProps("version")} value={version} onChange={(event) => setVersion(event.target.value)} placeholder="1.0.0" size={14} maxLength={64} />
          <p id="release-version-help" className="muted small-text">
            {latestPublished ? t("versionHelpAfter", { latest: latestPublished }) : t("versionHelpFirst")}
          </p>
          {fieldError("version")}
        </div>
        <div className="field">
          <label htmlFor="release-license">{t("license")}</label>
          <select {...fieldProps("license")} defaultValue="cc-by-4.0">
            {RELEASE_LICENSES.map((license) => (
              <option key={license} value={license}>
                {license}
              </option>
            ))}
          </select>
          <p id="release-license-help" className="muted small-text">
            {t("licenseHelp")}
          </p>
          {fieldError("license")}
        </div>
      </div>
      <div className="field">
        <label htmlFor="release-notes">{t("notes")}</label>
        <textarea {...fieldProps("notes")} rows={3} />
        <p id="release-notes-help" className="muted small-text">
          {t("notesHelp")}
        </p>
        {fieldError("notes")}
      </div>
      {formProblem && (
        <p role="alert" className="error">
          {formProblem}
        </p>
      )}
      {createdVersion && <p role="status">{t("created", { version: createdVersion })}</p>}
      <div>
        <button type="submit" disabled={!hydrated || create.isPending}>
          {create.isPending ? t("creating") : t("create")}
        </button>
      </div>
    </form>
  );
}
