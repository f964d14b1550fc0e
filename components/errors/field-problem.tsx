// A field's error from the server, in the reader's language, right under the field and announced with it.

/** The input's attributes that tie it to its problem (none when it has none). */
export function problemAttributes(id: string, problem: string | null) {
  return problem ? { "aria-invalid": true as const, "aria-describedby": id } : {};
}

export function FieldProblem({ id, problem }: { id: string; problem: string | null }) {
  if (!problem) return null;
  return (
    <span id={id} className="error small-text field-problem">
      {problem}
    </span>
  );
}
