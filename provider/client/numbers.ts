import type { Transport } from "./http";
import { type ActiveNumber, activeNumberListSchema, activeNumberSchema } from "./schemas";

/** What a PATCH of an active number's voice configuration sends: a type and the id that goes with it. */
export type VoiceRoute = { type: "FAX"; serviceId: string } | { type: "RTC"; appId: string } | { type: "EST"; trunkId: string };

/**
 * A typed client of the Numbers API v1 active numbers of one project. It
 * shares the Fax client's connections and token; the Numbers API has its own
 * base URL and rate governor.
 */
export class NumbersClient {
  constructor(
    private readonly transport: Transport,
    /** The project this client works on. */
    readonly projectId: string,
  ) {}

  /** `GET /activeNumbers/{phoneNumber}`. */
  getActiveNumber(phoneNumber: string): Promise<ActiveNumber> {
    return this.transport.call({ api: "numbers", method: "GET", path: this.path(phoneNumber), schema: activeNumberSchema });
  }

  /**
   * `PATCH /activeNumbers/{phoneNumber}` with a voice configuration. Provisioning
   * is asynchronous: the answer shows the change under `scheduledVoiceProvisioning`
   * until it is done.
   */
  routeVoice(phoneNumber: string, route: VoiceRoute): Promise<ActiveNumber> {
    const body = { voiceConfiguration: route };
    return this.transport.call({ api: "numbers", method: "PATCH", path: this.path(phoneNumber), body, schema: activeNumberSchema });
  }

  /** Every active number of the project, page after page (an empty or absent `nextPageToken` ends the list). */
  async *listActiveNumbers(pageSize = this.transport.options.pageSize): AsyncGenerator<ActiveNumber> {
    let pageToken = "";
    for (;;) {
      const query: Record<string, string> = { pageSize: String(pageSize) };
      if (pageToken) query.pageToken = pageToken;
      const page = await this.transport.call({ api: "numbers", method: "GET", path: this.path(), query, schema: activeNumberListSchema });
      yield* page.activeNumbers;
      if (!page.nextPageToken || page.activeNumbers.length === 0) return;
      pageToken = page.nextPageToken;
    }
  }

  private path(phoneNumber?: string): string {
    const base = `/v1/projects/${encodeURIComponent(this.projectId)}/activeNumbers`;
    return phoneNumber === undefined ? base : `${base}/${encodeURIComponent(phoneNumber)}`;
  }
}
