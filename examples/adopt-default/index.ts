/**
 * Every Sinch project starts with a default service. `adopt: "default"`
 * manages that one instead of creating a new service: `pulumi up` reads it
 * and PATCHes only what differs; `pulumi destroy` puts its previous settings
 * back and leaves it in place (the stack did not create it).
 */
import { FaxService } from "pulumi-sinch-fax";

const companyDefault = new FaxService("company-default", {
  adopt: "default",
  name: "Company default",
  defaultForProject: true,
  numberOfRetries: 4,
  retryDelaySeconds: 90,
  resolution: "SUPERFINE",
});

export const serviceId = companyDefault.id;
export const createdAt = companyDefault.createdAt;
