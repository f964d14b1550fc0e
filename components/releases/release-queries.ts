// Server calls of the maintainers' release page: the list (polled while a build runs), create, retry, publish,
// discard.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { callOperation } from "@/components/api-client";
import * as releases from "@/lib/http/operations/releases";
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
    queryFn: () => callOperation(releases.listReleases).then((result) => result.releases),
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
  useReleaseMutation((input: CreateReleaseInput) => callOperation(releases.createRelease, { body: input }));

export const useRetryRelease = () =>
  useReleaseMutation((version: string) => callOperation(releases.retryReleaseBuild, { params: { version } }));

export const usePublishRelease = () =>
  useReleaseMutation((version: string) => callOperation(releases.publishRelease, { params: { version } }));

export function useDiscardRelease() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (version: string) =>
      callOperation(releases.discardRelease, { params: { version } }),
    onSuccess: ({ version }) => {
      queryClient.setQueryData<ReleaseView[]>(RELEASES_KEY, (releases = []) => releases.filter((known) => known.version !== version));
    },
    onSettled: () => void queryClient.invalidateQueries({ queryKey: RELEASES_KEY }),
  });
}
