import type { CheckFailure } from "@pulumi/pulumi/dynamic";
import { missingProjectMessage } from "../../core/config";
import type { ResourceDiff } from "../../core/diff-result";
import { log } from "../../core/log";
import { clientFor, currentSettings } from "../../core/runtime";
import { hasUnknown } from "../../fields/table";
import { isMasked } from "../../fields/webhook";
import { recordAdoption } from "./adoption";
import { describeService, serviceError } from "./errors";
import { type GivenInputs, withDefaults } from "./fields";
import { inspectPdf, pdfPath } from "./pdf";
import { decideDiff } from "./plan";
import { isUnconfirmed } from "./unconfirmed";
import { checkInputs, stateFailures, withRestoredDefaults } from "./validate";

/**
 * Validates every input with no API call (the defaults stay out of the
 * checked inputs: see `GivenInputs`); reads each cover page's PDF (relative to the program) for its
 * SHA-256 and size, so a missing file, a non-PDF or one too large fails here.
 * A service to adopt is read (see `adoption.ts`): what it was before the stack.
 */
export async function check(
  olds: Record<string, unknown>,
  news: Record<string, unknown>,
): Promise<{ inputs: GivenInputs; failures: CheckFailure[] }> {
  const { inputs, failures } = checkInputs(news, currentSettings().projectId, missingProjectMessage());
  failures.push(...stateFailures(olds, inputs));
  withRestoredDefaults(olds, inputs);
  if (failures.length === 0) readCoverPages(inputs, failures);
  if (failures.length > 0) return { inputs, failures };
  try {
    failures.push(...(await recordAdoption(olds, inputs, () => clientFor(inputs.projectId))));
  } catch (e) {
    throw serviceError({ id: inputs.adopt === "default" ? undefined : inputs.adopt, name: inputs.name }, e);
  }
  return { inputs, failures };
}

/** Reads each declared cover page's PDF into the inputs (its SHA-256 and size); a problem is a failure. */
function readCoverPages(inputs: GivenInputs, failures: CheckFailure[]): void {
  if (!Array.isArray(inputs.coverPages)) return;
  const pages = inputs.coverPages as unknown[];
  // In a preview, a page (or its name or file) may not be known yet: its PDF is read at `up`.
  if (hasUnknown(pages)) return;
  inputs.coverPages = pages.map((page, index) => {
    const { name, file } = page as { name: string; file: unknown };
    const path = pdfPath(file);
    const pdf = inspectPdf(path);
    if ("problem" in pdf) {
      failures.push({ property: "coverPages", reason: `coverPages[${index}] (${JSON.stringify(name)}): ${pdf.problem}` });
      return { name, file: path, sha256: "", size: 0 };
    }
    return { name, file: path, ...pdf };
  });
}

/**
 * Field-by-field comparison of the desired inputs with the state; no API call.
 * A create that was never confirmed always differs, so `up` reaches `update`,
 * which explains how to resolve it instead of passing over it in silence.
 */
export async function diff(id: string, olds: Record<string, unknown>, news: GivenInputs): Promise<ResourceDiff> {
  if (isUnconfirmed(id)) return { changes: true, replaces: [], deleteBeforeReplace: false };
  const webhook = olds.incomingWebhookUrl;
  if (typeof webhook === "string" && isMasked(webhook) && news.incomingWebhookUrl === undefined) {
    log.warn(
      `${describeService({ id, name: olds.name })}: its webhook URL (${webhook}) has a password Sinch does not show; it is kept as it is until the program declares incomingWebhookUrl (as a secret)`,
    );
  }
  const { changes, replaces, diffs } = decideDiff(olds, withDefaults(news));
  return { changes, replaces, deleteBeforeReplace: false, diffs };
}
