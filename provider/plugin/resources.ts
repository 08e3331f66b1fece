import type * as dynamic from "@pulumi/pulumi/dynamic";
import { currentSettings } from "../core/runtime";
import type { RESOURCES } from "../fields";
import { isMasked, webhookPassword } from "../fields/webhook";

import faxEmail = require("../handlers/fax-email");
import faxService = require("../handlers/fax-service");
import numberRoute = require("../handlers/number-route");

import { log } from "../core/log";
import { sharedNumberReason, UniqueClaims } from "../core/unique";
import { isUnknown } from "../fields/table";
import { UNROUTED } from "../resources/number-route/plan";

type Props = Record<string, unknown>;

/** The lifecycle a resource type runs: the very handler its dynamic resource serializes. */
export type Lifecycle = Required<Omit<dynamic.ResourceProvider, "configure">>;

/** What a resource type needs beyond its lifecycle to be served by the plugin. */
export interface PluginResource {
  lifecycle: Lifecycle;
  /**
   * The state `read` starts from when the engine has none (`pulumi import`,
   * the `import` option): what the id alone says, and the configured project.
   */
  importState(id: string): Props;
  /** The outputs that are secret whatever the inputs were: a webhook URL with a password. */
  secretOutputs(outs: Props): string[];
  /** Why this resource (`urn`) may not have these inputs because another resource of the stack holds one of them. */
  sharedWith?(urn: string, news: Props): string | undefined;
}

/** The numbers the routes checked by this plugin process route (one program run's). */
const ROUTED_NUMBERS = new UniqueClaims();
const nameOf = (urn: string) => `FaxNumberRoute "${urn.split("::").pop()}"`;

const project = () => ({ projectId: currentSettings().projectId });

/** Every resource type of the plugin, by the last part of its token. */
export const PLUGIN_RESOURCES: Readonly<Record<keyof typeof RESOURCES & string, PluginResource>> = {
  FaxService: {
    lifecycle: faxService as Lifecycle,
    importState: () => ({ ...project(), adopted: false, numbers: [] }),
    secretOutputs: (outs) => (webhookPassword(outs.incomingWebhookUrl) ? ["incomingWebhookUrl"] : []),
  },
  FaxEmail: {
    lifecycle: faxEmail as Lifecycle,
    importState: (id) => {
      const slash = id.indexOf("/");
      return { ...project(), serviceId: id.slice(0, slash), email: id.slice(slash + 1), phoneNumbers: [] };
    },
    secretOutputs: () => [],
  },
  FaxNumberRoute: {
    lifecycle: numberRoute as Lifecycle,
    // A number imported has no earlier route this stack knows of: destroy unroutes it.
    importState: (id) => ({ ...project(), phoneNumber: id, serviceId: "", suspended: false, originalRoute: UNROUTED }),
    secretOutputs: () => [],
    sharedWith(urn, news) {
      const number = news.phoneNumber;
      if (typeof number !== "string" || isUnknown(number)) return undefined;
      const other = ROUTED_NUMBERS.take(number, urn);
      return other === undefined ? undefined : sharedNumberReason(number, nameOf(urn), nameOf(other));
    },
  },
};

/** The resource type of a URN (`urn:pulumi:stack::project::sinch-fax:index:FaxService::name`). */
export function resourceOf(urn: string): PluginResource {
  const type = urn.split("::")[2] ?? "";
  const name = type.split(":")[2] ?? "";
  const resource = (PLUGIN_RESOURCES as Record<string, PluginResource | undefined>)[name];
  if (!resource || type !== `sinch-fax:index:${name}`) throw new Error(`sinch-fax has no resource type ${type}`);
  return resource;
}

/**
 * Reads a resource the engine has no state for (an import): from the id, then
 * once more from what that read found, so what depends on a first read (the
 * service a number is routed to, then its suspension there) is read too. A
 * webhook URL Sinch shows masked is left out of the inputs: the password must
 * come from the program.
 */
export async function importRead(resource: PluginResource, id: string): Promise<dynamic.ReadResult> {
  const first = await resource.lifecycle.read(id, resource.importState(id));
  if (first.id === undefined || !first.props) return first;
  const second = await resource.lifecycle.read(first.id, first.props);
  const inputs = { ...((second.inputs ?? {}) as Props) };
  if (typeof inputs.incomingWebhookUrl === "string" && isMasked(inputs.incomingWebhookUrl)) {
    delete inputs.incomingWebhookUrl;
    log.warn(`service ${id}: its webhook URL has a password Sinch does not show; give incomingWebhookUrl (as a secret) in the program`);
  }
  return { ...second, inputs } as dynamic.ReadResult;
}
