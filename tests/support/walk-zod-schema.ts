// Visits every schema nested inside a zod schema (object fields, array elements, union options, the inside of
// optional, default, pipe …), for unit tests that hold every operation's input to a house rule.
import type { z } from "zod";

export interface SchemaDefinition {
  type: string;
  format?: string;
  coerce?: boolean;
  shape?: Record<string, z.ZodType>;
  catchall?: z.ZodType;
  innerType?: z.ZodType;
  in?: z.ZodType;
  out?: z.ZodType;
  element?: z.ZodType;
  options?: z.ZodType[];
  left?: z.ZodType;
  right?: z.ZodType;
  valueType?: z.ZodType;
  items?: z.ZodType[];
  rest?: z.ZodType | null;
  getter?: () => z.ZodType;
}

export const definitionOf = (schema: z.ZodType) => (schema as unknown as { _zod: { def: SchemaDefinition } })._zod.def;

/** Calls `visit` on `schema` and everything inside it, with a dotted path (`quotas[].target`). */
export function walkZodSchema(
  schema: z.ZodType,
  path: string,
  visit: (schema: z.ZodType, definition: SchemaDefinition, path: string) => void,
  seen = new Set<z.ZodType>(),
): void {
  if (seen.has(schema)) return;
  seen.add(schema);
  const definition = definitionOf(schema);
  visit(schema, definition, path);
  const inside = (child: z.ZodType | null | undefined, childPath = path) => {
    if (child) walkZodSchema(child, childPath, visit, seen);
  };
  switch (definition.type) {
    case "object":
      return Object.entries(definition.shape ?? {}).forEach(([key, child]) => inside(child, `${path}.${key}`));
    case "pipe":
      return [definition.in, definition.out].forEach((child) => inside(child));
    case "array":
      return inside(definition.element, `${path}[]`);
    case "union":
      return (definition.options ?? []).forEach((option) => inside(option));
    case "intersection":
      return [definition.left, definition.right].forEach((child) => inside(child));
    case "record":
      return inside(definition.valueType, `${path}{}`);
    case "tuple":
      (definition.items ?? []).forEach((item, index) => inside(item, `${path}[${index}]`));
      return inside(definition.rest);
    case "lazy":
      return inside(definition.getter?.());
    default:
      return inside(definition.innerType);
  }
}
