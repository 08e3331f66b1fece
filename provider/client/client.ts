import { isSinchHttpError } from "./errors";
import { Transport } from "./http";
import { ListingCache } from "./listing";
import { NumbersClient } from "./numbers";
import { normalizeOptions, type SinchFaxClientOptions } from "./options";
import {
  type CoverPage,
  coverPageListSchema,
  coverPageSchema,
  type EmailNumber,
  emailListSchema,
  emailSchema,
  type FaxEmail,
  numberListSchema,
  type Service,
  type ServiceFields,
  type ServicePhoneNumber,
  serviceListSchema,
  servicePhoneNumberSchema,
  serviceSchema,
} from "./schemas";

/** One page of services, as the list endpoint returns it. */
export interface ServicePage {
  services: Service[];
  page: number;
  totalPages: number;
  pageSize: number;
  totalItems: number;
}

/**
 * A typed client of the Fax API v3 services endpoints of one project (services,
 * their numbers, cover pages and fax-to-email addresses), and through
 * {@link SinchFaxClient.numbers} of the Numbers API's active numbers. Every
 * response is validated; every failure is a `SinchFaxError`.
 */
export class SinchFaxClient {
  /** The project this client works on. */
  readonly projectId: string;
  private readonly transport: Transport;
  private readonly listings: ListingCache;

  /** A client from options; the `transport` form is internal, for {@link SinchFaxClient.forProject}. */
  constructor(options: SinchFaxClientOptions | { transport: Transport; projectId: string; listings: ListingCache }) {
    if ("transport" in options) {
      this.transport = options.transport;
      this.projectId = options.projectId;
      this.listings = options.listings;
    } else {
      this.listings = new ListingCache();
      const normalized = normalizeOptions(options);
      this.transport = new Transport(normalized);
      this.projectId = normalized.projectId;
    }
  }

  /** Retries of a transient failure this client makes (the normalised `retry.maxRetries`). */
  get maxRetries(): number {
    return this.transport.options.retry.maxRetries;
  }

  /** A client of another project sharing this one's connections, token and rate governor. */
  forProject(projectId: string): SinchFaxClient {
    return projectId === this.projectId ? this : new SinchFaxClient({ transport: this.transport, projectId, listings: this.listings });
  }

  /** `POST /services`. Not retried when its outcome is unknown (see `SinchFaxError.outcomeUnknown`). */
  createService(fields: ServiceFields): Promise<Service> {
    return this.transport.call({ method: "POST", path: this.path(), body: fields, schema: serviceSchema });
  }

  /** `GET /services/{id}`. */
  getService(id: string): Promise<Service> {
    return this.transport.call({ method: "GET", path: this.path(id), schema: serviceSchema });
  }

  /** `GET /services/{id}`, or undefined when there is no such service (404). */
  async findService(id: string): Promise<Service | undefined> {
    try {
      return await this.getService(id);
    } catch (e) {
      if (isSinchHttpError(e, 404)) return undefined;
      throw e;
    }
  }

  /**
   * A service as one listing of the project shows it, or undefined when the
   * listing does not have it (which is no proof that it is gone: GET it). The
   * listing (`pageSize` 1000, every page) is taken by the first call and
   * shared by the calls that follow until this client, or one sharing its
   * connections, makes a write: a refresh of N services lists ceil(N/1000)
   * pages instead of sending N GETs.
   */
  async listedService(id: string): Promise<Service | undefined> {
    const listing = await this.listings.get(this.projectId, this.transport.writeGeneration, async () => {
      const services: Service[] = [];
      for await (const service of this.listServices(1000)) services.push(service);
      return services;
    });
    return listing.get(id);
  }

  /** `PATCH /services/{id}`: only the fields given change; `""` clears a field without a default. */
  updateService(id: string, fields: ServiceFields): Promise<Service> {
    return this.transport.call({ method: "PATCH", path: this.path(id), body: fields, schema: serviceSchema });
  }

  /** `DELETE /services/{id}`. */
  async deleteService(id: string): Promise<void> {
    await this.transport.call({ method: "DELETE", path: this.path(id) });
  }

  /** One page of `GET /services` (pages are 1-based). */
  listServicesPage(page: number, pageSize = this.transport.options.pageSize): Promise<ServicePage> {
    return this.transport.call({
      method: "GET",
      path: this.path(),
      query: { page: String(page), pageSize: String(pageSize) },
      schema: serviceListSchema,
    });
  }

  /** Every service of the project, page after page. */
  async *listServices(pageSize?: number): AsyncGenerator<Service> {
    for (let page = 1; ; page++) {
      const result = await this.listServicesPage(page, pageSize);
      yield* result.services;
      if (page >= result.totalPages || result.services.length === 0) return;
    }
  }

  /** Every phone number attached to a service, all pages. */
  async listNumbers(id: string, pageSize = this.transport.options.pageSize): Promise<ServicePhoneNumber[]> {
    const numbers: ServicePhoneNumber[] = [];
    for (let page = 1; ; page++) {
      const result = await this.transport.call({
        method: "GET",
        path: `${this.path(id)}/numbers`,
        query: { page: String(page), pageSize: String(pageSize) },
        schema: numberListSchema,
      });
      numbers.push(...result.numbers);
      if (page >= result.totalPages || result.numbers.length === 0) return numbers;
    }
  }

  /** `PATCH /services/{id}/numbers/{phoneNumber}/suspend`: suspends a number of the service, or (`false`) lifts it. */
  suspendNumber(id: string, phoneNumber: string, change: { suspended: boolean; note?: string }): Promise<ServicePhoneNumber> {
    const path = `${this.path(id)}/numbers/${encodeURIComponent(phoneNumber)}/suspend`;
    return this.transport.call({ method: "PATCH", path, body: change, schema: servicePhoneNumberSchema });
  }

  /** `POST /services/{id}/coverPages`: a PDF (its bytes) under a name. Not retried when its outcome is unknown. */
  createCoverPage(id: string, page: { name: string; pdf: Buffer }): Promise<CoverPage> {
    const body = { name: page.name, file: { fileContent: page.pdf.toString("base64"), fileType: "PDF" } };
    return this.transport.call({ method: "POST", path: `${this.path(id)}/coverPages`, body, schema: coverPageSchema });
  }

  /** `GET /services/{id}/coverPages`: every cover page of the service. */
  async listCoverPages(id: string): Promise<CoverPage[]> {
    return (await this.transport.call({ method: "GET", path: `${this.path(id)}/coverPages`, schema: coverPageListSchema })).coverPages;
  }

  /** `DELETE /services/{id}/coverPages/{coverPageId}`. */
  async deleteCoverPage(id: string, coverPageId: string): Promise<void> {
    await this.transport.call({ method: "DELETE", path: `${this.path(id)}/coverPages/${encodeURIComponent(coverPageId)}` });
  }

  /** `POST /services/{id}/emails`: a fax-to-email address and the numbers it receives from. Not retried when its outcome is unknown. */
  createEmail(id: string, email: { email: string; phoneNumbers: EmailNumber[] }): Promise<FaxEmail> {
    return this.transport.call({ method: "POST", path: `${this.path(id)}/emails`, body: email, schema: emailSchema });
  }

  /** Every fax-to-email address of the service, all pages. */
  async listEmails(id: string, pageSize = this.transport.options.pageSize): Promise<FaxEmail[]> {
    const emails: FaxEmail[] = [];
    for (let page = 1; ; page++) {
      const query = { page: String(page), pageSize: String(pageSize) };
      const result = await this.transport.call({ method: "GET", path: `${this.path(id)}/emails`, query, schema: emailListSchema });
      emails.push(...result.emails);
      if (page >= result.totalPages || result.emails.length === 0) return emails;
    }
  }

  /** `PUT /services/{id}/emails/{email}`: sets the address's numbers (the whole list). */
  setEmailNumbers(id: string, email: string, phoneNumbers: EmailNumber[]): Promise<FaxEmail> {
    return this.transport.call({ method: "PUT", path: this.emailPath(id, email), body: { phoneNumbers }, schema: emailSchema });
  }

  /** `DELETE /services/{id}/emails/{email}`. */
  async deleteEmail(id: string, email: string): Promise<void> {
    await this.transport.call({ method: "DELETE", path: this.emailPath(id, email) });
  }

  /** The Numbers API for this client's project, sharing its connections and token. */
  get numbers(): NumbersClient {
    return new NumbersClient(this.transport, this.projectId);
  }

  /** Closes idle connections of this client and every client sharing them. */
  close(): void {
    this.transport.close();
  }

  private emailPath(id: string, email: string): string {
    return `${this.path(id)}/emails/${encodeURIComponent(email)}`;
  }

  private path(id?: string): string {
    const base = `/v3/projects/${encodeURIComponent(this.projectId)}/services`;
    return id === undefined ? base : `${base}/${encodeURIComponent(id)}`;
  }
}
