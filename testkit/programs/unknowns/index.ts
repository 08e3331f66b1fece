import { FaxService } from "pulumi-sinch-fax";

const first = new FaxService("first", { name: "First", numberOfRetries: 2 });

// Every kind of field fed from outputs that are unknown until "first" exists.
export const second = new FaxService("second", {
  name: first.id.apply((id) => `After ${id}`),
  numberOfRetries: first.numberOfRetries.apply((n) => n + 1),
  scanIncomingBarcodes: first.defaultForProject.apply((d) => !d),
  resolution: first.createdAt.apply(() => "SUPERFINE" as const),
  projectId: first.projectId,
}).id;
