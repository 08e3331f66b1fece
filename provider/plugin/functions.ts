import type { SinchFaxClient } from "../client/client";
import type { Service } from "../client/schemas";
import { missingProjectMessage } from "../core/config";
import { FaxProviderError } from "../core/errors";
import { operationError } from "../core/operation-errors";
import { clientFor, currentSettings } from "../core/runtime";
import { checkFields, type InputFailure, withTableDefaults } from "../fields/table";
import { numbersOf } from "../resources/fax-service/state";
import { FUNCTIONS } from "./function-specs";

type Args = Record<string, unknown>;
type Result = { outputs?: Record<string, unknown>; failures?: InputFailure[] };

/** A service as the functions report it: what Sinch says, as it says it. */
function infoOf(service: Service, projectId: string): Record<string, unknown> {
  return { ...service, projectId };
}

async function listAll(client: SinchFaxClient): Promise<Service[]> {
  const services: Service[] = [];
  for await (const service of client.listServices()) services.push(service);
  return services;
}

async function withNumbers(client: SinchFaxClient, service: Service, projectId: string): Promise<Record<string, unknown>> {
  return { ...infoOf(service, projectId), numbers: numbersOf(await client.listNumbers(service.id)) };
}

const IMPLEMENTATIONS: Record<string, (client: SinchFaxClient, args: Args, projectId: string) => Promise<Record<string, unknown>>> = {
  async getFaxService(client, args, projectId) {
    if (typeof args.id === "string") {
      const service = await client.findService(args.id);
      if (!service) throw new FaxProviderError(`there is no fax service ${args.id} in project ${projectId}`);
      return withNumbers(client, service, projectId);
    }
    const named = (await listAll(client)).filter((service) => service.name === args.name);
    if (named.length !== 1) {
      const found = named.length === 0 ? "none" : `${named.length}: ${named.map((s) => s.id).join(", ")}; look it up by id`;
      throw new FaxProviderError(`fax services named ${JSON.stringify(args.name)} in project ${projectId}: ${found}`);
    }
    return withNumbers(client, named[0] as Service, projectId);
  },
  async getDefaultFaxService(client, _args, projectId) {
    const found = (await listAll(client)).find((service) => service.defaultForProject);
    if (!found) throw new FaxProviderError(`project ${projectId} has no default fax service`);
    return withNumbers(client, found, projectId);
  },
  async listFaxServices(client, _args, projectId) {
    return { projectId, services: (await listAll(client)).map((service) => infoOf(service, projectId)) };
  },
};

/**
 * Runs a function (an invoke): its arguments checked against its field table
 * (failures name the argument, before any call), then its reads.
 */
export async function invoke(name: string, args: Args): Promise<Result> {
  const spec = FUNCTIONS[name];
  const run = IMPLEMENTATIONS[name];
  // Stryker disable next-line LogicalOperator: FUNCTIONS and IMPLEMENTATIONS have the same names; both are checked for the types
  if (!spec || !run) throw new FaxProviderError(`sinch-fax has no function ${name}`);
  const checked = checkFields(spec.inputs, name, args);
  const { failures } = checked;
  const inputs = withTableDefaults(spec.inputs, checked.inputs);
  if (name === "getFaxService" && args.id == null && args.name == null) {
    failures.push({ property: "id", reason: "give the service's id or its name" });
  }
  const projectId = (inputs.projectId as string | undefined) ?? currentSettings().projectId;
  if (!projectId) failures.push({ property: "projectId", reason: missingProjectMessage(name) });
  if (failures.length > 0 || !projectId) return { failures };
  try {
    return { outputs: await run(clientFor(projectId), inputs, projectId) };
  } catch (e) {
    if (e instanceof FaxProviderError) throw new FaxProviderError(`${name}: ${e.message}`, { cause: e });
    throw operationError(name, e);
  }
}
