// Browser-side calls to /api/v1 with the session cookie; errors surface in the API's one JSON error shape.

export interface ApiFailure {
  code: string;
  message: string;
  fields: { field: string; message: string }[];
}

export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    readonly failure: ApiFailure,
  ) {
    super(failure.message);
  }
}

export async function callApi<T>(path: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
  const method = init.method ?? "GET";
  const response = await fetch(path, {
    method,
    // The server takes cookie-authenticated writes only when declared JSON, body or not (see lib/http/cross-site-writes.ts).
    headers: method === "GET" ? undefined : { "content-type": "application/json" },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
    credentials: "same-origin",
  });
  const payload = await response.json().catch(() => null);
  if (!response.ok) {
    const failure = (payload as { error?: ApiFailure } | null)?.error;
    throw new ApiRequestError(response.status, failure ?? { code: "network", message: response.statusText, fields: [] });
  }
  return payload as T;
}
