"use client";
// The explorer's server state: pages of items (cursor after cursor) and the counts, both keyed by the query the URL holds.
import { keepPreviousData, useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { callOperation } from "@/components/api-client";
import { countItems, searchItems } from "@/lib/http/operations/explorer";

/** The URL's query as the API takes it: every parameter a string. */
export type ExplorerParams = Record<string, string>;

export function useExplorerPages(params: ExplorerParams) {
  return useInfiniteQuery({
    queryKey: ["explorer", "items", params],
    queryFn: ({ pageParam }) => callOperation(searchItems, { query: { ...params, ...(pageParam ? { cursor: pageParam } : {}) } }),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
    placeholderData: keepPreviousData,
  });
}

export function useExplorerCounts(params: ExplorerParams) {
  const { sort: _sort, ...filter } = params;
  return useQuery({
    queryKey: ["explorer", "counts", filter],
    queryFn: () => callOperation(countItems, { query: filter }),
    placeholderData: keepPreviousData,
  });
}
