import type { SinchFaxClient } from "../../client/client";
import { isRefusal, isSinchFaxError, isSinchHttpError } from "../../client/errors";
import type { CoverPage, Service } from "../../client/schemas";
import { FaxProviderError } from "../../core/errors";
import type { CoverPageState, DesiredCoverPage } from "./fields";
import { handoffFailureMessage } from "./handoff";
import { type HandoffOutcome, waitForHandoff } from "./handoff-wait";
import { loadPdf } from "./pdf";
import type { UpdatePlan } from "./plan";

/** Where a plan stands: the service as last seen after a step of ours, and the cover pages that exist. */
export interface Applied {
  /** The service after the last step that changed it, if any did. */
  service: Service | undefined;
  /** The stack's cover pages that exist now: kept, uploaded, and those not deleted yet. */
  pages: CoverPageState[];
}

/** A step of a plan failed (its error is `cause`); `applied` says what the steps before it did. */
export class StepFailure extends FaxProviderError {
  constructor(
    cause: unknown,
    readonly applied: Applied,
  ) {
    super(cause instanceof Error ? cause.message : String(cause), { cause });
  }
}

/** What to do when Sinch refuses to demote a default nobody took over. */
export type DemoteRefused = "fail" | "keep";

/**
 * Runs a plan in its safe order: upload the new cover pages, PATCH the
 * changed fields (pointing the service at its new page), delete the pages no
 * longer wanted, promote, then demote, which waits for another service to
 * take over and only then (or at the end of the wait) asks the API itself.
 * Returns the service as last seen and the pages that exist.
 */
export async function applyPlan(
  client: SinchFaxClient,
  id: string,
  plan: UpdatePlan,
  options: {
    latest?: Service | undefined;
    pages?: readonly CoverPageState[];
    demoteRefused: DemoteRefused;
    /** The service was just created by this operation, so it has no cover pages to look at first. */
    fresh?: boolean;
    /** Pages of the service that are not the stack's (an adopted service's own): never taken for a declared page. */
    notOurs?: readonly string[] | undefined;
  },
): Promise<{ service: Service | undefined; pages: CoverPageState[] }> {
  let latest = options.latest;
  const applied: Applied = { service: undefined, pages: [...(options.pages ?? [])] };
  const step = async <T>(call: () => Promise<T>): Promise<T> => {
    try {
      return await call();
    } catch (e) {
      throw new StepFailure(e, applied);
    }
  };
  const update = async (body: Parameters<SinchFaxClient["updateService"]>[1]) => {
    latest = applied.service = await step(() => client.updateService(id, body));
  };

  const uploaded =
    plan.pages.upload.length > 0
      ? await step(() => uploadPages(client, id, plan.pages.upload, applied.pages, options.fresh === true, options.notOurs ?? []))
      : [];
  applied.pages.push(...uploaded);
  const patch = { ...plan.patch };
  const stamped = uploaded.find((page) => page.name === plan.stampUploaded);
  if (stamped) patch.coverPageId = stamped.id;
  if (Object.keys(patch).length > 0) await update(patch);
  for (const page of plan.pages.remove) {
    await step(() => deletePage(client, id, page.id));
    applied.pages = applied.pages.filter((p) => p.id !== page.id);
  }
  if (plan.promote) await update({ defaultForProject: true });
  if (!plan.demote) return { service: latest, pages: applied.pages };

  let outcome: HandoffOutcome;
  try {
    outcome = await waitForHandoff(client, id, latest);
  } catch (e) {
    throw new StepFailure(e, applied);
  }
  if (!outcome.service) throw new StepFailure("the service was deleted while waiting for another to become the default", applied);
  latest = outcome.service;
  if (!outcome.timedOut) return { service: latest, pages: applied.pages };
  try {
    // Nobody took over: a lenient API lets the project go without a default.
    return { service: await client.updateService(id, { defaultForProject: false }), pages: applied.pages };
  } catch (e) {
    if (isRefusal(e) && options.demoteRefused === "keep") return { service: latest, pages: applied.pages };
    const cause = isRefusal(e)
      ? new FaxProviderError(handoffFailureMessage("demote", outcome.waitedMs, e.sinchMessage ?? e.message), { cause: e })
      : e;
    throw new StepFailure(cause, applied);
  }
}

/**
 * Uploads cover pages, each made idempotent by a look at the service's pages
 * first: a page of the same name and PDF that the stack does not know yet (left
 * by an upload whose answer was lost) is taken instead of uploading another,
 * unless it is one of `notOurs` (an adopted service's own pages);
 * a service this operation just created has none, so it is not looked at. An upload whose outcome is unknown is looked for again before it is repeated.
 * The pages uploaded so far are recorded even when a later one fails.
 */
async function uploadPages(
  client: SinchFaxClient,
  id: string,
  wanted: readonly DesiredCoverPage[],
  known: CoverPageState[],
  fresh: boolean,
  notOurs: readonly string[],
): Promise<CoverPageState[]> {
  // Stryker disable next-line ArrayDeclaration: a made-up item has no name, so no wanted page matches it
  let existing = fresh ? [] : await client.listCoverPages(id);
  const taken = new Set([...known.map((page) => page.id), ...notOurs]);
  const find = (want: DesiredCoverPage) =>
    existing.find((page) => !taken.has(page.id) && page.name === want.name && (page.fileSha256 ?? want.sha256) === want.sha256);
  const uploaded: CoverPageState[] = [];
  for (const want of wanted) {
    let page: CoverPage | undefined = find(want);
    for (let attempt = 0; !page; attempt++) {
      try {
        page = await client.createCoverPage(id, { name: want.name, pdf: loadPdf(want.file, want.sha256) });
      } catch (e) {
        if (!isSinchFaxError(e) || !e.outcomeUnknown || attempt >= client.maxRetries) {
          known.push(...uploaded);
          throw e;
        }
        existing = await client.listCoverPages(id);
        page = find(want);
      }
    }
    // Stryker disable next-line ExpressionStatement: declared pages' names are unique, so no later page could match this one anyway
    taken.add(page.id);
    uploaded.push({ ...want, id: page.id });
  }
  return uploaded;
}

async function deletePage(client: SinchFaxClient, id: string, coverPageId: string): Promise<void> {
  try {
    await client.deleteCoverPage(id, coverPageId);
  } catch (e) {
    if (!isSinchHttpError(e, 404)) throw e;
  }
}
