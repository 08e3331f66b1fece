import { type Dice, type FuzzContext, jsonValue, KEYS, type Plausible } from "./fuzz-values";
import { coverPageBody, pdfBase64 } from "./pdf";

/** Plausible calls of the fax set-up and the Numbers API, mostly well-formed, from the same dice as the rest. */
export class SetupFuzzer {
  constructor(private readonly dice: Dice) {}

  /** A call of cover pages, emails, suspension, active numbers or their control endpoints; `query` makes a Fax paging query. */
  plausible(ctx: FuzzContext, query: () => string): Plausible {
    const d = this.dice;
    // Mostly the first service: the one with numbers routed to it.
    const ids = ctx.serviceIds.length > 0 ? ctx.serviceIds : ["01ARZ3NDEKTSV4RRFFQ69G5FAV"];
    const service = `/v3/projects/${ctx.projectId}/services/${d.chance(0.7) ? ids[0] : d.pick(ids)}`;
    const phone = d.pick([...ctx.phoneNumbers, "+15559999999", "5551234"]);
    const email = d.pick([...ctx.emails, "fuzz@example.com", "nobody@example.com"]);
    const numbers = `/v1/projects/${ctx.projectId}/activeNumbers`;
    const json = (value: unknown) => ({ body: Buffer.from(JSON.stringify(value)), contentType: "application/json" });
    switch (d.int(0, 11)) {
      case 0:
        return {
          method: "POST",
          target: `${service}/coverPages`,
          // Now and then a PDF at the 5 MiB limit, or just over it.
          ...json(this.mutate(d.chance(0.05) ? bigCoverPage(d.chance(0.5) ? 0 : 1) : coverPageBody(d.pick(["Fuzz", "", "x".repeat(101)])))),
        };
      case 1:
        if (d.chance(0.3)) return { method: "GET", target: `${service}/coverPages` };
        return { method: d.pick(["GET", "DELETE"]), target: `${service}/coverPages/${d.pick([...ctx.coverPageIds, "nope"])}` };
      case 2:
        return {
          method: "PATCH",
          target: service,
          ...json({ coverPageId: d.pick([...ctx.coverPageIds, "", "01ARZ3NDEKTSV4RRFFQ69G5FAV"]) }),
        };
      case 3:
        return {
          method: "POST",
          target: `${service}/emails`,
          ...json(this.mutate({ email: d.pick([email, "bad"]), phoneNumbers: this.numberList(ctx) })),
        };
      case 4:
        return {
          method: "PUT",
          target: `${service}/emails/${encodeURIComponent(email)}`,
          ...json(this.mutate({ phoneNumbers: this.numberList(ctx) })),
        };
      case 5:
        return {
          method: "GET",
          target: `${d.pick([
            `${service}/emails`,
            `${service}/emails/${encodeURIComponent(email)}/numbers`,
            `${service}/numbers/${encodeURIComponent(phone)}/emails`,
          ])}?${query()}`,
        };
      case 6:
        return { method: "DELETE", target: `${service}/emails/${encodeURIComponent(email)}` };
      case 7:
        return {
          method: "PATCH",
          target: `${service}/numbers/${encodeURIComponent(phone)}/suspend`,
          ...json(this.mutate({ suspended: d.chance(0.5), note: "fuzz" })),
        };
      case 8:
        return {
          method: "GET",
          target: d.pick([
            `${numbers}?${this.numbersQuery()}`,
            `${numbers}/${d.pick([encodeURIComponent(phone), phone, `${phone}:release`])}`,
          ]),
        };
      case 9:
      case 10:
        return { method: "PATCH", target: `${numbers}/${encodeURIComponent(phone)}`, ...json(this.mutate(this.numberPatch(ctx))) };
      default:
        return d.chance(0.5)
          ? {
              method: "POST",
              target: "/_emulator/active-numbers",
              ...json({ phoneNumber: d.pick([phone, `+1555${d.int(1_000_000, 9_999_999)}`]) }),
            }
          : { method: "PUT", target: "/_emulator/provisioning", ...json({ delayMs: d.pick([0, 5, 50]), failAll: d.chance(0.2) }) };
    }
  }

  /** A body with, now and then, one field changed to anything. */
  private mutate(body: Record<string, unknown>): Record<string, unknown> {
    const d = this.dice;
    if (d.chance(0.25)) body[d.pick(KEYS)] = jsonValue(d, 2);
    return body;
  }

  private numberList(ctx: FuzzContext): unknown[] {
    const d = this.dice;
    // Mostly the first service's numbers, each once, so that many lists are valid.
    const picked = d.chance(0.8) ? ctx.routedNumbers.filter(() => d.chance(0.6)) : [d.pick([...ctx.phoneNumbers, "+15559999999"])];
    return picked.map((number) => ({ number, permissions: d.pick(["both", "send", "receive", "all", undefined]) }));
  }

  private numberPatch(ctx: FuzzContext): Record<string, unknown> {
    const d = this.dice;
    const serviceId = d.pick([...ctx.serviceIds, "01ARZ3NDEKTSV4RRFFQ69G5FAV", ""]);
    const voice = d.pick([
      { type: "FAX", serviceId },
      { type: "RTC", appId: d.pick(["", "app"]) },
      { type: "EST", trunkId: "trunk" },
      {},
      { type: "FAX" },
    ]);
    const body: Record<string, unknown> = { voiceConfiguration: voice };
    if (d.chance(0.3)) body.displayName = d.string(10);
    if (d.chance(0.2)) body.callbackUrl = d.pick(["", "https://u:p@hooks.example/n", "nope"]);
    if (d.chance(0.2)) body.smsConfiguration = d.pick([{}, { servicePlanId: "plan" }]);
    return body;
  }

  private numbersQuery(): string {
    const d = this.dice;
    const key = d.pick([
      "pageSize",
      "pageToken",
      "regionCode",
      "type",
      "capability",
      "numberPattern.pattern",
      "numberPattern.searchPattern",
      "orderBy",
    ]);
    const value = d.pick(["1", "0", "1001", "US", "LOCAL", "VOICE", "%2B1555", "START", "END", "displayName", "b2Zmc2V0OjE", "x", "%ZZ"]);
    return `${key}=${value}`;
  }
}

const BIG: Record<number, Record<string, unknown>> = {};

/** A cover page body whose PDF is 5 MiB plus `over` bytes (built once each). */
function bigCoverPage(over: number): Record<string, unknown> {
  const overhead = Buffer.from(pdfBase64(), "base64").length + 1;
  BIG[over] ??= coverPageBody("Big", 5 * 1024 * 1024 - overhead + 1 + over);
  return { ...BIG[over] };
}
