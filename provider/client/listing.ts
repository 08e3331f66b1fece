import type { Service } from "./schemas";

/**
 * One listing of each project's services, shared by the reads of one
 * operation (a refresh reads every service): taken by the first read that
 * needs it, used by those that follow, and dropped as soon as a write starts
 * or ends (`generation` counts both), so no read sees a listing older than a
 * change this process made.
 */
export class ListingCache {
  private readonly entries = new Map<string, { generation: number; services: Promise<Map<string, Service>> }>();

  /** The project's services by id: the listing taken since the last write, else a new one from `list`. */
  get(projectId: string, generation: number, list: () => Promise<Service[]>): Promise<Map<string, Service>> {
    const entry = this.entries.get(projectId);
    if (entry && entry.generation === generation) return entry.services;
    const services = list().then((all) => new Map(all.map((service) => [service.id, service])));
    const created = { generation, services };
    this.entries.set(projectId, created);
    // A failed listing is not kept: the next read tries again.
    services.catch(() => {
      if (this.entries.get(projectId) === created) this.entries.delete(projectId);
    });
    return services;
  }
}
