import { UNKNOWN } from "../../fields/table";
import type { CoverPageState, DesiredCoverPage } from "./fields";

/** What changes among the cover pages a service's stack manages. Pages are keyed by name. */
export interface CoverPagePlan {
  /** Pages to upload: new names, and pages whose PDF changed (Sinch cannot update a page). */
  upload: DesiredCoverPage[];
  /** Pages that stay as they are (their file path may have moved: that is no change). */
  keep: CoverPageState[];
  /** Pages to delete, once the service no longer points at them. */
  remove: CoverPageState[];
}

/** Plans the pages: keep the same name with the same PDF, upload the rest, delete what is no longer declared or was replaced. */
export function planCoverPages(current: readonly CoverPageState[] = [], desired: readonly DesiredCoverPage[] = []): CoverPagePlan {
  // Stryker disable next-line ArrayDeclaration: remove is replaced below by the pages not kept
  const plan: CoverPagePlan = { upload: [], keep: [], remove: [] };
  for (const want of desired) {
    // State may hold two pages of a name after an update that failed half-way: the one with this PDF is kept.
    const have = current.find((page) => page.name === want.name && page.sha256 === want.sha256);
    if (have) plan.keep.push({ ...have, file: want.file });
    else plan.upload.push(want);
  }
  const kept = new Set(plan.keep.map((page) => page.id));
  plan.remove = current.filter((page) => !kept.has(page.id));
  return plan;
}

/** True when a plan makes no call. */
export function isEmptyPagePlan(plan: CoverPagePlan): boolean {
  return plan.upload.length === 0 && plan.remove.length === 0;
}

/**
 * The `coverPageId` the service should have: the id of the declared page it
 * stamps (unknown until that page is uploaded), else the `coverPageId` given.
 */
export function stampedCoverPageId(
  stamp: string | undefined,
  explicit: string | undefined,
  pages: readonly CoverPageState[],
): string | undefined {
  if (stamp === undefined) return explicit;
  return pages.find((page) => page.name === stamp)?.id ?? UNKNOWN;
}

/** State's record of the pages after a plan ran: those kept and those uploaded. */
export function pagesAfter(plan: CoverPagePlan, uploaded: readonly CoverPageState[]): CoverPageState[] {
  return [...plan.keep, ...uploaded];
}
