import { errorReply, type Reply } from "./http-util";

/** A 1-based page number and a page size, as the Fax API's list endpoints take them. */
export interface Paging {
  page: number;
  pageSize: number;
}

/**
 * Reads `page` (default 1) and `pageSize` (default as the endpoint documents,
 * at most 1000) from a query; anything else is a 400 naming the parameter.
 */
export function parsePaging(query: URLSearchParams, defaultPageSize: number): Paging | { reply: Reply } {
  const pageText = query.get("page") ?? "1";
  const sizeText = query.get("pageSize") ?? String(defaultPageSize);
  const page = /^\d+$/.test(pageText) ? Number(pageText) : NaN;
  const pageSize = /^\d+$/.test(sizeText) ? Number(sizeText) : NaN;
  const violations = [];
  if (!(page >= 1)) violations.push({ field: "page", description: "must be a page number from 1" });
  if (!(pageSize >= 1 && pageSize <= 1000)) {
    violations.push({ field: "pageSize", description: "must be an integer from 1 to 1000" });
  }
  if (violations.length > 0) return { reply: errorReply(400, "Invalid paging parameters", violations) };
  return { page, pageSize };
}

/** The items of one page. */
export function pageOf<T>(items: readonly T[], { page, pageSize }: Paging): T[] {
  return items.slice((page - 1) * pageSize, page * pageSize);
}

/** The `Pagination` fields of a list response. */
export function pageInfo(totalItems: number, { page, pageSize }: Paging) {
  return { page, totalPages: Math.ceil(totalItems / pageSize), pageSize, totalItems };
}

/** A list response: the page of items under `key`, and the `Pagination` fields. */
export function listReply<T>(key: string, items: readonly T[], query: URLSearchParams, defaultPageSize: number): Reply {
  const paging = parsePaging(query, defaultPageSize);
  if ("reply" in paging) return paging.reply;
  return { status: 200, body: { [key]: pageOf(items, paging), ...pageInfo(items.length, paging) } };
}
