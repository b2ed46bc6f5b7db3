// When detectors disagree about a span, one finding wins: the longer one, then the more
// specific detector (a checksum-verified IBAN beats a phone number found inside it).
import type { Candidate } from './categories';

export function resolveOverlaps(candidates: readonly Candidate[]): Candidate[] {
  const sorted = [...candidates].sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Candidate[] = [];
  let cluster: Candidate[] = [];
  let clusterEnd = -1;
  for (const c of sorted) {
    if (c.start >= clusterEnd && cluster.length > 0) {
      kept.push(...pickWithinCluster(cluster));
      cluster = [];
    }
    cluster.push(c);
    clusterEnd = Math.max(clusterEnd, c.end);
  }
  kept.push(...pickWithinCluster(cluster));
  return kept.sort((a, b) => a.start - b.start);
}

/** Greedy by preference inside a run of mutually reachable overlaps (usually 1-3 items). */
function pickWithinCluster(cluster: readonly Candidate[]): Candidate[] {
  if (cluster.length <= 1) return [...cluster];
  const byPreference = [...cluster].sort((a, b) => b.end - b.start - (a.end - a.start) || b.rank - a.rank || a.start - b.start);
  const chosen: Candidate[] = [];
  for (const c of byPreference) {
    if (chosen.every((k) => c.end <= k.start || c.start >= k.end)) chosen.push(c);
  }
  return chosen;
}
