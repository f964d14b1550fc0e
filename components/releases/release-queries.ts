// Server calls of the maintainers' release page: the list (polled while a build runs), create, retry, publish,
// discard.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { callApi } from "@/components/api-client";
import type { CreateReleaseInput, ReleaseView } from "@/lib/releases/schemas";

export const RELEASES_KEY = ["releases"] as const;
/** How often the list is fetched again while a build is queued or running, so progress moves on its own. */
const POLL_WHILE_BUILDING_MS = 1000;

/** A build someone is (or will be) working on; a stalled one waits for a retry, so watching it shows nothing new. */
export const isInProgress = (release: ReleaseView) =>
  release.status === "queued" || (release.status === "building" && !release.stalled);

export function useReleases() {
  return useQuery({
    queryKey: RELEASES_KEY,
    queryFn: () => callApi<{ releases: ReleaseView[] }>("/api/v1/releases").then((result) => result.releases),
    refetchInterval: (query) => (query.state.data?.some(isInProgress) ? POLL_WHILE_BUILDING_MS : false),
  });
}

/**
 * Puts the release the server answered with into the list at once (so polling starts), then refetches the list;
 * a refusal refetches it too, since it usually means the release changed meanwhile.
 */
function useReleaseMutation<Input>(request: (input: Input) => Promise<ReleaseView>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSuccess: (release) => {
      queryClient.setQueryData<ReleaseView[]>(RELEASES_KEY, (releases = []) =>
        releases.some((known) => known.id === release.id)
          ? releases.map((known) => (known.id === release.id ? release : known))
          : [release, ...releases],
      );
    },
    onSettled: () => void queryClient.invalidateQueries({ queryKey: RELEASES_KEY }),
  });
}

export const useCreateRelease = () =>
  useReleaseMutation((input: CreateReleaseInput) => callApi<ReleaseView>("/api/v1/releases", { method: "POST", body: input }));

export const useRetryRelease = () =>
  useReleaseMutation((version: string) =>
    callApi<ReleaseView>(`/api/v1/releases/${encodeURIComponent(version)}/retry`, { method: "POST" }),
  );

export const usePublishRelease = () =>
  useReleaseMutation((version: string) =>
    callApi<ReleaseView>(`/api/v1/releases/${encodeURIComponent(version)}/publish`, { method: "POST" }),
  );

export function useDiscardRelease() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (version: string) =>
      callApi<{ version: string; discarded: true }>(`/api/v1/releases/${encodeURIComponent(version)}`, { method: "DELETE" }),
    onSuccess: ({ version }) => {
      queryClient.setQueryData<ReleaseView[]>(RELEASES_KEY, (releases = []) => releases.filter((known) => known.version !== version));
    },
    onSettled: () => void queryClient.invalidateQueries({ queryKey: RELEASES_KEY }),
  });
}
