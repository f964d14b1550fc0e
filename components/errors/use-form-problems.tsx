"use client";
// One form's server error, placed: each field's problem under its input (by the field's name as the server gives it),
// and what no input of the form shows in one alert, which in a long form also links to each field with a problem.
import { type ErrorMessage, fieldErrorText, summaryBeside } from "@/components/errors/error-message";
import { FieldProblem, problemAttributes } from "@/components/errors/field-problem";
import { useErrorMessage } from "@/components/errors/use-error-message";
import type { ReactNode } from "react";

export interface PlacedField {
  /** The input's id: the summary's link goes there. */
  id: string;
  /** What to spread on the input: its id and, with a problem, aria-invalid and aria-describedby. */
  attributes: { id: string; "aria-invalid"?: true; "aria-describedby"?: string };
  problem: string | null;
  /** The problem's line, to render right under the field. */
  line: ReactNode;
}

export interface FormProblems {
  failure: ErrorMessage | null;
  field: (name: string) => PlacedField;
  /** The summary and the problems of fields the form has no input for (`placed` lists those it has). */
  summary: string | null;
}

/** `prefix` makes the ids unique on the page; `error` is the mutation's (or any) error, or null. */
export function useFormProblems(prefix: string, error: unknown, placed: readonly string[]): FormProblems {
  const describeError = useErrorMessage();
  const failure = error ? describeError(error) : null;
  const field = (name: string): PlacedField => {
    const id = `${prefix}-${name.replace(/\W+/g, "-")}`;
    const problem = fieldErrorText(failure, name);
    return { id, attributes: { id, ...problemAttributes(`${id}-problem`, problem) }, problem, line: <FieldProblem id={`${id}-problem`} problem={problem} /> };
  };
  return { failure, field, summary: failure ? summaryBeside(failure, placed) : null };
}

/**
 * The form's alert: the summary, and (with `links`) each field's problem as a link that moves focus to the field, so a
 * long form says at its foot what is wrong above.
 */
export function ProblemSummary({ problems, links = [], testId }: { problems: FormProblems; links?: PlacedField[]; testId?: string }) {
  if (!problems.summary) return null;
  const withProblems = links.filter((link) => link.problem);
  return (
    <div role="alert" className="error" data-testid={testId}>
      <p>{problems.summary}</p>
      {withProblems.length > 0 && <ProblemLinks links={withProblems.map((link) => ({ target: link.id, text: link.problem! }))} />}
    </div>
  );
}

/** Problems as links, each moving focus to the field it concerns (the element with id `target`). */
export function ProblemLinks({ links }: { links: { target: string; text: string }[] }) {
  return (
    <ul>
      {links.map((link) => (
        <li key={link.target}>
          <a
            href={`#${link.target}`}
            onClick={(event) => {
              event.preventDefault();
              document.getElementById(link.target)?.focus();
            }}
          >
            {link.text}
          </a>
        </li>
      ))}
    </ul>
  );
}

/**
 * A field of a form: its label around the input (which `children` renders with the attributes that tie it to its
 * problem), and the problem under it, outside the label so that the field's name stays the label's words.
 */
export function ProblemField({ label, placed, children }: { label: ReactNode; placed: PlacedField; children: (attributes: PlacedField["attributes"]) => ReactNode }) {
  return (
    <div className="field">
      <label>
        {label}
        {children(placed.attributes)}
      </label>
      {placed.line}
    </div>
  );
}
