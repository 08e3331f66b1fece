import { isSinchHttpError } from "./errors";
import { Transport } from "./http";
import { normalizeOptions, type SinchFaxClientOptions } from "./options";
import { numberListSchema, type Service, type ServiceFields, type ServicePhoneNumber, serviceListSchema, serviceSchema } from "./schemas";

/** One page of services, as the list endpoint returns it. */
export interface ServicePage {
  services: Service[];
  page: number;
  totalPages: number;
  pageSize: number;
  totalItems: number;
}

/**
 * A typed client of the Fax API v3 services endpoints of one project. Every
 * response is validated; every failure is a `SinchFaxError`.
 */
export class SinchFaxClient {
  /** The project this client works on. */
  readonly projectId: string;
  private readonly transport: Transport;

  /** A client from options; the `transport` form is internal, for {@link SinchFaxClient.forProject}. */
  constructor(options: SinchFaxClientOptions | { transport: Transport; projectId: string }) {
    if ("transport" in options) {
      this.transport = options.transport;
      this.projectId = options.projectId;
    } else {
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
    return projectId === this.projectId ? this : new SinchFaxClient({ transport: this.transport, projectId });
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

  /** Closes idle connections of this client and every client sharing them. */
  close(): void {
    this.transport.close();
  }

  private path(id?: string): string {
    const base = `/v3/projects/${encodeURIComponent(this.projectId)}/services`;
    return id === undefined ? base : `${base}/${encodeURIComponent(id)}`;
  }
}
