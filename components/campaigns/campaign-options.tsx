// The options of a campaign menu: one per campaign, named by its name (and its short name where two may look alike),
// valued by its id or its short name as the form sends it. The menu, its label and its empty choice stay with the form.
interface CampaignOption {
  id: string;
  name: string;
  slug?: string;
}

export function CampaignOptions({ campaigns, value = "id", withSlug = false }: { campaigns: readonly CampaignOption[]; value?: "id" | "slug"; withSlug?: boolean }) {
  return (
    <>
      {campaigns.map((campaign) => (
        <option key={campaign.id} value={value === "slug" ? (campaign.slug ?? campaign.id) : campaign.id}>
          {withSlug && campaign.slug ? `${campaign.name} (${campaign.slug})` : campaign.name}
        </option>
      ))}
    </>
  );
}
