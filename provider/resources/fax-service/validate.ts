import { FAX_SERVICE_FIELDS } from "../../fields/fax-service";
import { checkFields, type InputFailure, isUnknown } from "../../fields/table";
import { DEFAULTS, type GivenInputs } from "./fields";

export type { InputFailure } from "../../fields/table";

/** Keys the engine or the resource itself adds; not user inputs. */
const RESERVED = new Set([
  "__provider",
  "createdAt",
  "updatedAt",
  "numbers",
  "adopted",
  "originalSettings",
  "originalPageIds",
  "unconfirmedCreate",
]);

/**
 * Validates FaxService inputs field by field against its field table, with no
 * API call. Defaults are not filled in (see `GivenInputs`). `projectId` falls
 * back to the configured project; `missingProject` is the message when there is none.
 */
export function checkInputs(
  news: Record<string, unknown>,
  configuredProjectId: string | undefined,
  missingProject: string,
): { inputs: GivenInputs; failures: InputFailure[] } {
  const { inputs, failures } = checkFields(FAX_SERVICE_FIELDS, "FaxService", news, RESERVED);
  // Adopting the default keeps it the default unless the program says otherwise.
  if (inputs.adopt === "default" && (news.defaultForProject === undefined || news.defaultForProject === null))
    inputs.defaultForProject = true;
  failures.push(...coverPageFailures(inputs));
  if (inputs.projectId === undefined) {
    if (configuredProjectId) inputs.projectId = configuredProjectId;
    else failures.push({ property: "projectId", reason: missingProject });
  }
  // Complete once there are no failures (the engine goes no further otherwise); in a
  // preview, a field may still hold the engine's unknown-value placeholder.
  return { inputs: inputs as GivenInputs, failures };
}

/**
 * The rules that need the state's inputs (`olds`, empty for a service to create):
 * a service being created has no cover page of its own yet, so `coverPageId`
 * cannot name one (Sinch refuses it; `coverPages` and `coverPage` do what is meant).
 */
export function stateFailures(olds: Record<string, unknown>, inputs: GivenInputs): InputFailure[] {
  const creating = Object.keys(olds).length === 0 && inputs.adopt === undefined;
  if (!creating || inputs.coverPageId === undefined || isUnknown(inputs.coverPageId)) return [];
  return [
    {
      property: "coverPageId",
      reason:
        "a service being created has no cover page yet, so coverPageId cannot name one: declare the page in coverPages and name it in coverPage",
    },
  ];
}

/**
 * A field left to its default that the state's inputs hold at another value
 * (a refresh after a change by hand reports it) is written out at its
 * default, so the plan shows the value it is set to (`resolution: "SUPERFINE"
 * => "FINE"`) rather than an input removed. Checked inputs otherwise leave
 * defaults out (see `GivenInputs`).
 */
export function withRestoredDefaults(olds: Record<string, unknown>, inputs: GivenInputs): void {
  const given = inputs as Record<string, unknown>;
  for (const [field, value] of Object.entries(DEFAULTS)) {
    if (given[field] === undefined && olds[field] !== undefined && olds[field] !== value) given[field] = value;
  }
}

/** The rules across cover page inputs: `coverPage` names a declared page, and is not given with `coverPageId`. */
function coverPageFailures(inputs: Record<string, unknown>): InputFailure[] {
  const stamp = inputs.coverPage;
  if (stamp === undefined || isUnknown(stamp)) return [];
  const failures: InputFailure[] = [];
  if (inputs.coverPageId !== undefined) {
    failures.push({ property: "coverPage", reason: "coverPage and coverPageId both choose the cover page: give one" });
  }
  const pages = inputs.coverPages;
  if (Array.isArray(pages) && !pages.some((page) => isUnknown(page) || isUnknown((page as { name?: unknown }).name))) {
    const names = pages.map((page) => (page as { name: string }).name);
    if (!names.includes(stamp as string)) {
      const known = names.length > 0 ? `: ${names.map((n) => JSON.stringify(n)).join(", ")}` : " (none is declared)";
      failures.push({ property: "coverPage", reason: `coverPage must name one of coverPages${known}` });
    }
  } else if (pages === undefined) {
    failures.push({ property: "coverPage", reason: "coverPage must name one of coverPages (none is declared)" });
  }
  return failures;
}
