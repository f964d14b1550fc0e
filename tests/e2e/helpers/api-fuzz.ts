// Generates hostile requests for every operation of the OpenAPI document: one mutation at a time of a valid
// baseline (NUL, lone surrogates, strings around 1 MB, wrong types, integer overflow, negative numbers, unknown
// fields, bad percent-encoding in the path and the query). Deterministic: a seeded generator, never Math.random.
import { Ajv2020 } from "ajv/dist/2020.js";
import type { ValidateFunction } from "ajv";

export const FUZZ_SEED = 0x65736372;

export { seededRandom } from "@/lib/seeded-random";

type JsonSchema = Record<string, unknown>;

export interface OpenApiDocument {
  paths: Record<string, Record<string, OpenApiOperation>>;
  components?: { schemas?: Record<string, JsonSchema> };
}

interface OpenApiOperation {
  operationId: string;
  security?: unknown[];
  parameters?: { name: string; in: "path" | "query"; schema: JsonSchema }[];
  requestBody?: { content: { "application/json": { schema: JsonSchema } } };
}

/** What a valid request of an operation looks like; every fuzz case changes one thing of it. */
export interface Baseline {
  params?: Record<string, string>;
  query?: Record<string, string>;
  body?: Record<string, unknown>;
}

export interface DocumentedOperation {
  operationId: string;
  method: string;
  pathTemplate: string;
  isPublic: boolean;
  pathParams: string[];
  queryParams: { name: string; schema: JsonSchema }[];
  bodySchema: JsonSchema | null;
}

/** A JSON literal written as is, for numbers JSON.stringify cannot produce (1e400, 9007199254740993). */
export class RawJson {
  constructor(readonly text: string) {}
}

export interface FuzzCase {
  operationId: string;
  /** What was changed, for the failure report: `body.quotas.0.target ← 2147483648`. */
  label: string;
  method: string;
  /** Path and query, already percent-encoded (or deliberately mis-encoded). */
  url: string;
  authorization: "token" | "none" | string;
  body?: string | Buffer;
  /**
   * "invalid": the input is wrong in itself, so validation must refuse it (400, 413 or 422), whatever the data;
   * "refused": any 4xx will do (a path that names nothing is a fair 404); "any": only a 5xx is a failure.
   */
  expected: "invalid" | "refused" | "any";
  /** The field a 422 must name (dotted, as in error.fields), when the case is about one field. */
  field?: string;
}

const deref = (document: OpenApiDocument, schema: JsonSchema): JsonSchema => {
  const reference = schema.$ref;
  if (typeof reference !== "string") return schema;
  const { $ref: _, ...rest } = schema;
  const target = document.components?.schemas?.[reference.replace("#/components/schemas/", "")];
  return { ...deref(document, target ?? {}), ...rest };
};

/** The schema with every $ref replaced by its target, so a validator needs nothing else. */
export function inlineSchema(document: OpenApiDocument, schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map((entry) => inlineSchema(document, entry));
  if (!schema || typeof schema !== "object") return schema;
  const resolved = deref(document, schema as JsonSchema);
  return Object.fromEntries(Object.entries(resolved).map(([key, value]) => [key, inlineSchema(document, value)]));
}

export function documentedOperations(document: OpenApiDocument): DocumentedOperation[] {
  return Object.entries(document.paths).flatMap(([pathTemplate, pathItem]) =>
    Object.entries(pathItem).map(([method, operation]) => {
      const body = operation.requestBody?.content["application/json"]?.schema;
      return {
        operationId: operation.operationId,
        method: method.toUpperCase(),
        pathTemplate,
        isPublic: Array.isArray(operation.security) && operation.security.length === 0,
        pathParams: (operation.parameters ?? []).filter((parameter) => parameter.in === "path").map((parameter) => parameter.name),
        queryParams: (operation.parameters ?? [])
          .filter((parameter) => parameter.in === "query")
          .map((parameter) => ({ name: parameter.name, schema: inlineSchema(document, parameter.schema) as JsonSchema })),
        bodySchema: body ? (inlineSchema(document, body) as JsonSchema) : null,
      };
    }),
  );
}

/** Validates bodies against the documented schema: what the document refuses, the API must refuse too. */
export function bodyValidator(schema: JsonSchema): ValidateFunction {
  return new Ajv2020({ strict: false, validateFormats: false, allErrors: false }).compile(schema);
}

/** Serialises a body that may hold raw literals. */
export function toJson(value: unknown): string {
  if (value instanceof RawJson) return value.text;
  if (Array.isArray(value)) return `[${value.map(toJson).join(",")}]`;
  if (value && typeof value === "object") {
    return `{${Object.entries(value).map(([key, entry]) => `${JSON.stringify(key)}:${toJson(entry)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

/** What a JSON parser makes of the body (1e400 becomes Infinity), for the validator. */
const parsedValue = (value: unknown): unknown => JSON.parse(toJson(value), (_, entry) => entry);

const MEGABYTE = 1_000_000;

function randomText(random: () => number): string {
  const pieces = ["a", "ñ", "ç", "ß", "ü", " ", "\n", "\t", '"', "\\", "<b>", "%", "%ff", "\u0000", "\ud800", "\udfff", "😀", "\u202e", "\ufeff", "e\u0301", "ｗ", "𝔘", "'; --", "{{x}}"];
  const length = Math.floor(random() * 120);
  return Array.from({ length }, () => pieces[Math.floor(random() * pieces.length)]).join("");
}

function randomNumber(random: () => number): number {
  const magnitude = 10 ** Math.floor(random() * 16);
  const value = (random() - 0.5) * 2 * magnitude;
  return random() < 0.7 ? Math.trunc(value) : value;
}

const hasBrokenText = (value: string) => value.includes("\u0000") || /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(value);

const typesOf = (schema: JsonSchema): string[] => {
  if (Array.isArray(schema.anyOf)) return (schema.anyOf as JsonSchema[]).flatMap(typesOf);
  if (typeof schema.type === "string") return [schema.type];
  if (Array.isArray(schema.type)) return schema.type as string[];
  if (Array.isArray(schema.enum)) return [...new Set((schema.enum as unknown[]).map((entry) => (entry === null ? "null" : typeof entry)))];
  return [];
};

const nonNull = (schema: JsonSchema): JsonSchema =>
  Array.isArray(schema.anyOf) ? ((schema.anyOf as JsonSchema[]).find((option) => !typesOf(option).includes("null")) ?? schema) : schema;

interface Mutation {
  label: string;
  value: unknown;
  /** Wrong whatever the schema says (text PostgreSQL cannot store, integers past 32 bits, unknown fields). */
  mustRefuse?: boolean;
  /** Only text rules decide (random strings: the document cannot express trimming), so the validator is not asked. */
  textOnly?: boolean;
}

function mutationsFor(schema: JsonSchema, random: () => number, withHugeText: boolean): Mutation[] {
  const types = typesOf(schema);
  const mutations: Mutation[] = [
    { label: "null", value: null },
    { label: "an array", value: ["x"] },
    { label: "an object", value: { x: 1 } },
  ];
  if (types.includes("string")) {
    mutations.push(
      { label: "NUL inside", value: "fuzz\u0000text", mustRefuse: true },
      { label: "a lone high surrogate", value: "fuzz\ud800", mustRefuse: true },
      { label: "a lone low surrogate", value: "\udc00fuzz", mustRefuse: true },
      { label: "surrogates in the wrong order", value: "\udc00\ud83d", mustRefuse: true },
      { label: "a number", value: 12345 },
      { label: "an empty string", value: "" },
    );
    if (withHugeText) {
      mutations.push(
        { label: "a string just under 1 MB", value: "a".repeat(MEGABYTE - 2_000) },
        { label: "a string past 1 MB", value: "a".repeat(MEGABYTE + 1), mustRefuse: true },
      );
    }
    for (let index = 0; index < 2; index++) {
      const value = randomText(random);
      mutations.push({ label: `random text ${JSON.stringify(value).slice(0, 60)}`, value, mustRefuse: hasBrokenText(value), textOnly: true });
    }
  } else {
    mutations.push({ label: "a string", value: "fuzz" }, { label: "NUL as a string", value: "\u0000", mustRefuse: true });
  }
  if (types.includes("integer") || types.includes("number")) {
    mutations.push(
      { label: "2147483648 (past INT)", value: 2_147_483_648, mustRefuse: true },
      { label: "-2147483649 (past INT)", value: -2_147_483_649, mustRefuse: true },
      { label: "9007199254740993", value: new RawJson("9007199254740993"), mustRefuse: true },
      { label: "1e400", value: new RawJson("1e400"), mustRefuse: true },
      { label: "-1", value: -1 },
      { label: "0", value: 0 },
      { label: "1.5", value: 1.5 },
      { label: "a numeric string", value: "1" },
    );
    for (let index = 0; index < 2; index++) {
      const value = randomNumber(random);
      mutations.push({ label: `random number ${value}`, value });
    }
  }
  if (types.includes("array")) mutations.push({ label: "an array of nulls", value: [null, null] }, { label: "10,000 elements", value: Array(10_000).fill("gl") });
  if (types.includes("object")) mutations.push({ label: "an unknown field inside", value: { __fuzz: 1 }, mustRefuse: true });
  return mutations;
}

/** Every property path of a body schema worth mutating, with its schema: nested objects and first array elements too. */
function fieldsOf(schema: JsonSchema, prefix: string[] = []): { path: string[]; schema: JsonSchema }[] {
  const properties = (nonNull(schema).properties ?? {}) as Record<string, JsonSchema>;
  return Object.entries(properties).flatMap(([name, property]) => {
    const path = [...prefix, name];
    const inner = nonNull(property);
    const nested = inner.type === "object" ? fieldsOf(inner, path) : [];
    const items = inner.type === "array" && inner.items ? [{ path: [...path, "0"], schema: inner.items as JsonSchema }] : [];
    const itemFields = inner.type === "array" && (inner.items as JsonSchema | undefined)?.type === "object" ? fieldsOf(inner.items as JsonSchema, [...path, "0"]) : [];
    return [{ path, schema: property }, ...nested, ...items, ...itemFields];
  });
}

/** A copy of `body` with the value at `path` replaced (creating objects and arrays on the way). */
function withValue(body: Record<string, unknown>, path: string[], value: unknown): Record<string, unknown> {
  const copy = structuredClone(body);
  let cursor: Record<string, unknown> = copy;
  path.slice(0, -1).forEach((key, index) => {
    const next = cursor[key];
    if (!next || typeof next !== "object") cursor[key] = /^\d+$/.test(path[index + 1] ?? "") ? [] : {};
    cursor = cursor[key] as Record<string, unknown>;
  });
  cursor[path[path.length - 1]!] = value;
  return copy;
}

const BAD_PATH_SEGMENTS: { label: string; raw: string }[] = [
  { label: "%ff", raw: "%ff" },
  { label: "overlong %c0%ae", raw: "%c0%ae" },
  { label: "a bare %", raw: "%" },
  { label: "%zz", raw: "%zz" },
  { label: "an encoded surrogate", raw: "%ed%a0%80" },
  { label: "%00", raw: "%00" },
  { label: "NUL inside", raw: "a%00b" },
  { label: "an encoded slash", raw: "%2Fetc%2Fpasswd" },
  { label: "2147483648", raw: "2147483648" },
  { label: "-1", raw: "-1" },
  { label: "3,000 characters", raw: "x".repeat(3_000) },
  { label: "an emoji", raw: "%F0%9F%98%80" },
];

/** Parameters and fields read as plain search words, whatever they hold: never refused, never a failure. */
const FREE_TEXT_PARAMETERS = new Set(["q"]);

const BAD_QUERY_VALUES: { label: string; raw: string }[] = [
  { label: "%00", raw: "%00" },
  { label: "%ff", raw: "%ff" },
  { label: "a bare %", raw: "%" },
  { label: "2147483648", raw: "2147483648" },
  { label: "99999999999999999999", raw: "99999999999999999999" },
  { label: "-1", raw: "-1" },
  { label: "1.5", raw: "1.5" },
  { label: "1e400", raw: "1e400" },
  { label: "letters", raw: "abc" },
  { label: "5,000 characters", raw: "x".repeat(5_000) },
];

function urlOf(operation: DocumentedOperation, params: Record<string, string>, query: string) {
  const path = operation.pathTemplate.replace(/\{(\w+)\}/g, (_, name: string) => params[name] ?? "");
  return query ? `${path}?${query}` : path;
}

const encodeParams = (values: Record<string, string> = {}) =>
  Object.fromEntries(Object.entries(values).map(([name, value]) => [name, value.split("/").map(encodeURIComponent).join("/")]));
const encodeQuery = (values: Record<string, string> = {}) =>
  Object.entries(values).map(([name, value]) => `${encodeURIComponent(name)}=${encodeURIComponent(value)}`);

/** Cases that change the body: each field in turn, then the body as a whole. */
export function bodyCases(operation: DocumentedOperation, baseline: Baseline, random: () => number): FuzzCase[] {
  if (!operation.bodySchema) return [];
  const validate = bodyValidator(operation.bodySchema);
  const base = baseline.body ?? {};
  const url = urlOf(operation, encodeParams(baseline.params), encodeQuery(baseline.query).join("&"));
  const common = { operationId: operation.operationId, method: operation.method, url, authorization: "token" as const };
  const cases: FuzzCase[] = [];
  const fields = fieldsOf(operation.bodySchema);
  // Strings around 1 MB cost time on the wire: one text field of each operation, drawn by the seeded generator.
  const textFields = fields.filter((field) => typesOf(nonNull(field.schema)).includes("string"));
  const hugeTextField = textFields[Math.floor(random() * textFields.length)];
  for (const field of fields) {
    for (const mutation of mutationsFor(nonNull(field.schema), random, field === hugeTextField)) {
      const body = withValue(base, field.path, mutation.value);
      if (FREE_TEXT_PARAMETERS.has(String(field.path.at(-1)))) {
        cases.push({ ...common, label: `body.${field.path.join(".")} ← ${mutation.label}`, body: toJson(body), expected: "any" });
        continue;
      }
      const documentRefuses = !mutation.textOnly && !validate(parsedValue(body));
      cases.push({
        ...common,
        label: `body.${field.path.join(".")} ← ${mutation.label}`,
        body: toJson(body),
        expected: mutation.mustRefuse || documentRefuses ? "invalid" : "any",
        field: field.path.join("."),
      });
    }
  }
  const whole: { label: string; body: string | Buffer; expected: FuzzCase["expected"]; field?: string }[] = [
    { label: "an unknown field", body: toJson({ ...base, __fuzz: true }), expected: "invalid", field: "__fuzz" },
    { label: "an array", body: "[]", expected: "invalid" },
    { label: "null", body: "null", expected: "invalid" },
    { label: "a number", body: "42", expected: "invalid" },
    { label: "a string", body: '"fuzz"', expected: "invalid" },
    { label: "JSON cut short", body: toJson(base).slice(0, -1), expected: "invalid" },
    { label: "bytes that are not UTF-8", body: Buffer.concat([Buffer.from('{"__fuzz":"'), Buffer.from([0xff, 0xfe, 0xc0, 0xae]), Buffer.from('"}')]), expected: "invalid" },
    { label: "empty", body: "", expected: validate({}) ? "any" : "invalid" },
  ];
  for (const entry of whole) cases.push({ ...common, ...entry, label: `the body ← ${entry.label}` });
  return cases;
}

/** Cases that mis-encode or overflow each path parameter. */
export function pathCases(operation: DocumentedOperation, baseline: Baseline): FuzzCase[] {
  const body = operation.bodySchema ? toJson(baseline.body ?? {}) : undefined;
  return operation.pathParams.flatMap((name) =>
    BAD_PATH_SEGMENTS.map((segment) => ({
      operationId: operation.operationId,
      label: `path {${name}} ← ${segment.label}`,
      method: operation.method,
      url: urlOf(operation, { ...encodeParams(baseline.params), [name]: segment.raw }, encodeQuery(baseline.query).join("&")),
      authorization: "token",
      body,
      expected: "refused" as const,
      field: `params.${name}`,
    })),
  );
}

/** Cases that spoil each documented query parameter; reads also get an unknown, mis-encoded one. */
export function queryCases(operation: DocumentedOperation, baseline: Baseline): FuzzCase[] {
  const body = operation.bodySchema ? toJson(baseline.body ?? {}) : undefined;
  const params = encodeParams(baseline.params);
  const common = { operationId: operation.operationId, method: operation.method, authorization: "token" as const, body };
  const cases: FuzzCase[] = operation.queryParams.flatMap(({ name }) =>
    BAD_QUERY_VALUES.map((value) => {
      const others = encodeQuery(Object.fromEntries(Object.entries(baseline.query ?? {}).filter(([key]) => key !== name)));
      const url = urlOf(operation, params, [...others, `${name}=${value.raw}`].join("&"));
      // Search words take any text as plain words (the explorer's q): no value is wrong in itself, none may fail.
      if (FREE_TEXT_PARAMETERS.has(name)) return { ...common, label: `query ${name} ← ${value.label}`, url, expected: "any" as const };
      return { ...common, label: `query ${name} ← ${value.label}`, url, expected: "invalid" as const, field: `query.${name}` };
    }),
  );
  if (operation.method === "GET") {
    const query = [...encodeQuery(baseline.query), "__fuzz=%ff", "%00=%", "version=2147483648"].join("&");
    cases.push({ ...common, label: "query ← unknown, mis-encoded parameters", url: urlOf(operation, params, query), expected: "any" });
  }
  return cases;
}

/** The baseline request without credentials, and with credentials that are not valid. */
export function authenticationCases(operation: DocumentedOperation, baseline: Baseline): FuzzCase[] {
  const url = urlOf(operation, encodeParams(baseline.params), encodeQuery(baseline.query).join("&"));
  const body = operation.bodySchema ? toJson(baseline.body ?? {}) : undefined;
  const credentials = ["none", "Bearer esc_" + "A".repeat(43), "Bearer esc_%ff%00", "Basic Zm9vOmJhcg==", "Bearer " + "x".repeat(4_000)];
  return credentials.map((authorization) => ({
    operationId: operation.operationId,
    label: `authorization ← ${authorization === "none" ? "none" : authorization.slice(0, 24)}`,
    method: operation.method,
    url,
    authorization,
    body,
    expected: operation.isPublic ? ("any" as const) : ("refused" as const),
  }));
}
