import * as pulumi from "@pulumi/pulumi";

import numberRouteProvider = require("../handlers/number-route");

import type { VoiceRoute } from "../client/numbers";
import { sharedNumberReason, UniqueClaims } from "../core/unique";
import { propsOf, SinchFaxResource } from "./register";

/** The arguments of a {@link FaxNumberRoute}. */
export interface FaxNumberRouteArgs {
  /** One of the project's active numbers, in E.164; it is the resource's id, so a change replaces the route. @example "+15551234567" */
  phoneNumber: pulumi.Input<string>;
  /** The fax service the number delivers to (a FaxService's `id`); a change moves the number in one `up`. */
  serviceId: pulumi.Input<string>;
  /** Suspend the number for the service. @default false */
  suspended?: pulumi.Input<boolean> | undefined;
  /** Why the number is suspended (sent with `suspended: true`). */
  suspendNote?: pulumi.Input<string> | undefined;
  /** The Sinch project. @default the `sinch:projectId` config, or `SINCH_PROJECT_ID` */
  projectId?: pulumi.Input<string> | undefined;
}

/**
 * Routes one of the project's active numbers to a fax service through
 * Sinch's Numbers API (its voice configuration `{ type: "FAX", serviceId }`),
 * waiting for Sinch to provision it. The number's earlier route is recorded
 * and put back on destroy. Its id is the phone number.
 */
export class FaxNumberRoute extends SinchFaxResource {
  /** The number. */
  declare readonly phoneNumber: pulumi.Output<string>;
  /** The service it delivers to. */
  declare readonly serviceId: pulumi.Output<string>;
  /** Whether it is suspended for the service. */
  declare readonly suspended: pulumi.Output<boolean>;
  /** Why it is suspended. */
  declare readonly suspendNote: pulumi.Output<string | undefined>;
  /** The project. */
  declare readonly projectId: pulumi.Output<string>;
  /** The number's route before this stack routed it, which destroy puts back. */
  declare readonly originalRoute: pulumi.Output<VoiceRoute>;

  constructor(name: string, args: FaxNumberRouteArgs, opts?: pulumi.CustomResourceOptions) {
    const props = propsOf(args, ["phoneNumber", "serviceId", "suspended", "suspendNote", "projectId", "originalRoute"]);
    // Two routes of one number fight over it: the second fails at check (preview), naming both.
    props.sharedWith = pulumi.output(args.phoneNumber).apply((n) => {
      const other = typeof n === "string" ? ROUTED_NUMBERS.take(n, name) : undefined;
      return other === undefined ? undefined : sharedNumberReason(n, `FaxNumberRoute "${name}"`, `FaxNumberRoute "${other}"`);
    });
    super(numberRouteProvider, "FaxNumberRoute", name, props, opts);
  }
}

/** The numbers this program's routes route. */
const ROUTED_NUMBERS = new UniqueClaims();
