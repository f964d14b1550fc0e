"use client";
// One form's server error, placed: each field's problem under its input (by the field's name as the server gives it),
// and what no input of the form shows in one alert, which in a long form also links to each field with a problem.
import { type ErrorMessage, fieldErrorText, summaryBeside } from "@/components/errors/error-message";
import { FieldProblem, problemAttributes } from "@/components/errors/field-problem";
import { useErrorMessage } from "@/components/errors/use-error-message";

export interface PlacedField {
  /** The input's id: the summary's link goes there. */
  id: string;
  /** What to spread on the input: its id and, with a problem, aria-invalid and aria-describedby. */
  attributes: { id: string; "aria-invalid"?: true; "aria-describedby"?: string };
  problem: string | null;
  /** The problem's line, to render right under the field. */
  line: React.ReactNode;
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
      {withProblems.length > 0 && (
        <ul>
          {withProblems.map((link) => (
            <li key={link.id}>
              <a
                href={`#${link.id}`}
                onClick={(event) => {
                  event.preventDefault();
                  document.getElementById(link.id)?.focus();
                }}
              >
                {link.problem}
              </a>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
