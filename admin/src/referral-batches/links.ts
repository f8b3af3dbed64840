/** The referrals list narrowed to one batch, its filter input shown so it can be removed. */
export const batchReferralsPath = (batchId: number | string) =>
  `/referrals?filter=${encodeURIComponent(JSON.stringify({ batchId: Number(batchId) }))}&displayedFilters=${encodeURIComponent(JSON.stringify({ batchId: true }))}`;
