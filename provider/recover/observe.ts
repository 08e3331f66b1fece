import type { SinchFaxClient } from "../client/client";
import { isSinchHttpError } from "../client/errors";
import type { ActiveNumber, CoverPage, Service } from "../client/schemas";
import { findCreatedEmail } from "../resources/fax-email/reconcile";
import type { GivenInputs } from "../resources/fax-service/fields";
import type { RouteInputs } from "../resources/number-route/plan";
import type { Clients } from "./clients";
import { type Interrupted, managedIds } from "./interrupted";
import {
  chooseServices,
  type Decision,
  emailCreateDecision,
  routeCreateDecision,
  type ServiceChoice,
  serviceCreateDecision,
  serviceUpdateDecision,
} from "./plan";
import type { ExportedDeployment } from "./state-edit";

const CHOOSE = "delete the services that are not wanted, then run sinch-fax-recover again";

/** Resources of the engine's own (providers, the stack) have nothing outside the state to look for. */
const ENGINE_TYPES = /^pulumi:(providers:|pulumi:Stack$)/;

/**
 * Looks at Sinch for every interrupted operation and decides what recovery
 * does with it (see `plan.ts`): each resource kind is matched on what its
 * operation sent, with the client of the provider that served it.
 */
export async function decide(items: readonly Interrupted[], deployment: ExportedDeployment, clients: Clients): Promise<Decision[]> {
  const projectOf = (item: Interrupted) => String(item.inputs.projectId ?? item.state?.outputs?.projectId ?? "");
  const client = (item: Interrupted) => clients.for(item, projectOf(item));
  const services = items.filter((i) => i.kind === "FaxService" && (i.op === "creating" || i.op === "unconfirmed"));
  const chosen = chooseServices(services, await listServices(services, client), managedIds(deployment.resources ?? [], "FaxService"));

  const decisions: Decision[] = [];
  for (const item of items) {
    const base = { urn: item.urn, op: item.op };
    if (!item.kind) {
      decisions.push(foreign(item));
      continue;
    }
    if (!["creating", "updating", "deleting", "unconfirmed"].includes(item.op)) {
      // A read or an import the engine recorded: nothing of Sinch's changed; the next run does it again.
      decisions.push(
        item.state
          ? { ...base, action: "refresh" }
          : { ...base, action: "drop", why: `an interrupted ${item.op}; the next run does it again` },
      );
      continue;
    }
    if (item.op === "deleting" || (item.kind !== "FaxService" && item.op !== "creating")) {
      decisions.push({ ...base, action: "refresh" });
      continue;
    }
    if (item.kind === "FaxService") {
      decisions.push(await serviceDecision(item, chosen, client(item)));
    } else if (item.kind === "FaxEmail" && item.op === "creating") {
      const inputs = item.inputs as { serviceId: string; email: string; phoneNumbers: unknown };
      decisions.push(emailCreateDecision(item, await findCreatedEmail(client(item), inputs, item.since)));
    } else if (item.kind === "FaxNumberRoute" && item.op === "creating") {
      decisions.push(routeCreateDecision(item, await numberIfActive(client(item), (item.inputs as RouteInputs).phoneNumber)));
    } else {
      decisions.push(foreign(item));
    }
  }
  return decisions;
}

async function serviceDecision(item: Interrupted, chosen: Map<string, ServiceChoice>, client: SinchFaxClient): Promise<Decision> {
  const base = { urn: item.urn, op: item.op };
  if (item.op === "updating") {
    const id = String(item.state?.id ?? "");
    const pages = await pagesIfThere(client, id);
    return pages ? serviceUpdateDecision(item, pages) : { ...base, action: "refresh" };
  }
  const choice = chosen.get(item.urn);
  if (item.op === "unconfirmed") {
    if (choice?.kind === "ambiguous")
      return { ...base, action: "unresolved", candidates: choice.candidates, since: item.since, human: CHOOSE };
    return choice?.kind === "found" ? { ...base, action: "resolve", serviceId: choice.serviceId } : { ...base, action: "resolve" };
  }
  if (choice?.kind === "ambiguous") {
    return { ...base, action: "unresolved", candidates: choice.candidates, since: item.since, human: CHOOSE };
  }
  if (choice?.kind !== "found") {
    const inputs = item.inputs as GivenInputs;
    const why = `${choice?.why ?? "no service was created"}; the next \`pulumi up\` ${inputs.adopt !== undefined ? "adopts" : "creates"} it`;
    const decision: Decision = { ...base, action: "drop", why };
    if (inputs.adopt !== undefined && !inputs.adoption) {
      decision.human =
        "an earlier release did not record what it adopted: check the adopted service's settings before the next `pulumi up`";
    }
    return decision;
  }
  return serviceCreateDecision(item, choice.serviceId, (await pagesIfThere(client, choice.serviceId)) ?? []);
}

/** Another package's resource: its create may have made something no one can find for it. */
function foreign(item: Interrupted): Decision {
  const base = { urn: item.urn, op: item.op };
  if (ENGINE_TYPES.test(item.type)) return { ...base, action: "drop", why: "the engine's own resource; the next `pulumi up` makes it" };
  const why = `a ${item.type} is not a resource of pulumi-sinch-fax`;
  if (item.op !== "creating") return { ...base, action: "forget", why: `${why}; the next \`pulumi up\` does it again` };
  return { ...base, action: "forget", why, human: "check whether its create made something, and import or delete it" };
}

async function listServices(attempts: readonly Interrupted[], client: (i: Interrupted) => SinchFaxClient): Promise<Map<string, Service[]>> {
  const byProject = new Map<string, Service[]>();
  for (const attempt of attempts) {
    const projectId = String(attempt.inputs.projectId);
    if (byProject.has(projectId)) continue;
    const services: Service[] = [];
    for await (const s of client(attempt).listServices()) services.push(s);
    byProject.set(projectId, services);
  }
  return byProject;
}

async function pagesIfThere(client: SinchFaxClient, serviceId: string): Promise<CoverPage[] | undefined> {
  try {
    return await client.listCoverPages(serviceId);
  } catch (e) {
    if (isSinchHttpError(e, 404)) return undefined;
    throw e;
  }
}

async function numberIfActive(client: SinchFaxClient, phoneNumber: string): Promise<ActiveNumber | undefined> {
  try {
    return await client.numbers.getActiveNumber(phoneNumber);
  } catch (e) {
    if (isSinchHttpError(e, 404)) return undefined;
    throw e;
  }
}
