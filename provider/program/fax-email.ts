import type * as pulumi from "@pulumi/pulumi";

import faxEmailProvider = require("../handlers/fax-email");

import type { NumberPermission } from "../client/schemas";
import { propsOf, SinchFaxResource } from "./register";

/** A number a fax-to-email address receives faxes from. */
export interface FaxEmailNumberArgs {
  /** One of the service's numbers, in E.164. @example "+15551234567" */
  number: pulumi.Input<string>;
  /** What the address may do with it. @default "both" */
  permissions?: pulumi.Input<NumberPermission> | undefined;
}

/** The arguments of a {@link FaxEmail}. */
export interface FaxEmailArgs {
  /** The fax service whose inbound faxes the address receives (a FaxService's `id`). A change replaces the address. */
  serviceId: pulumi.Input<string>;
  /** The email address. A change replaces it (Sinch cannot change an address in place). @example "faxes@example.com" */
  email: pulumi.Input<string>;
  /**
   * The service numbers whose faxes the address receives; order does not
   * matter, and a change is one PUT of the whole list. Each must be a number
   * of the service (route it with a FaxNumberRoute first).
   * @default []
   */
  phoneNumbers?: pulumi.Input<Array<pulumi.Input<FaxEmailNumberArgs>>> | undefined;
  /** The Sinch project. A change replaces the address. @default the `sinch:projectId` config, or `SINCH_PROJECT_ID` */
  projectId?: pulumi.Input<string> | undefined;
}

/**
 * An email address that receives a fax service's inbound faxes (Sinch's
 * fax-to-email), with the service numbers it receives from. Its id is
 * `<serviceId>/<email>`.
 */
export class FaxEmail extends SinchFaxResource {
  /** The service whose faxes the address receives. */
  declare readonly serviceId: pulumi.Output<string>;
  /** The email address. */
  declare readonly email: pulumi.Output<string>;
  /** The numbers it receives from, as Sinch reports them. */
  declare readonly phoneNumbers: pulumi.Output<Array<{ number: string; permissions: NumberPermission }>>;
  /** The project. */
  declare readonly projectId: pulumi.Output<string>;
  /** When Sinch created the address (ISO 8601). */
  declare readonly createdAt: pulumi.Output<string | undefined>;
  /** When Sinch last changed it (ISO 8601). */
  declare readonly updatedAt: pulumi.Output<string | undefined>;

  constructor(name: string, args: FaxEmailArgs, opts?: pulumi.CustomResourceOptions) {
    const props = propsOf(args, ["serviceId", "email", "phoneNumbers", "projectId", "createdAt", "updatedAt"]);
    super(faxEmailProvider, "FaxEmail", name, props, opts);
  }
}
