import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Snapshot, StoredCoverPage } from "./snapshot";

/** A cover page as the data file keeps it: its PDF in a file of its own (`contentFile`, beside the data file). */
type SavedCoverPage = Omit<StoredCoverPage, "file"> & { file: { fileType: "PDF"; fileContent?: string; contentFile?: string } };

/**
 * The emulator's data file: the whole state as JSON, written atomically after
 * every change, except the cover pages' PDFs (up to 5 MiB each), which are
 * written once each into `<data file>.pages/` and removed with their page, so
 * a change rewrites only the small part. A data file of an earlier release,
 * with the PDFs inline, still loads (and is moved to the new form on its first save).
 */
export class DataFile {
  private readonly pagesDir: string;
  /** The pages whose PDF is in `pagesDir` already. */
  private readonly written = new Set<string>();

  constructor(readonly path: string) {
    this.pagesDir = `${path}.pages`;
    if (existsSync(this.pagesDir)) for (const name of readdirSync(this.pagesDir)) this.written.add(name.replace(/\.b64$/, ""));
  }

  /** The saved state, the PDFs read back in; undefined when there is no file yet. */
  load(): Snapshot | undefined {
    if (!existsSync(this.path)) return undefined;
    const snapshot = JSON.parse(readFileSync(this.path, "utf8")) as Snapshot;
    for (const project of Object.values(snapshot.projects)) {
      for (const page of (project.coverPages ?? []) as SavedCoverPage[]) {
        const { contentFile, ...file } = page.file;
        if (contentFile !== undefined) page.file = { ...file, fileContent: readFileSync(join(this.pagesDir, contentFile), "utf8") };
      }
    }
    return snapshot;
  }

  /** Writes the state: new PDFs into their files, the rest into the data file (atomically), then drops the PDFs of pages gone. */
  save(snapshot: Snapshot): void {
    const kept = new Set<string>();
    const projects = Object.fromEntries(
      Object.entries(snapshot.projects).map(([id, project]) => [
        id,
        { ...project, coverPages: project.coverPages.map((page) => this.pageToSave(page, kept)) },
      ]),
    );
    const tmp = `${this.path}.tmp`;
    writeFileSync(tmp, JSON.stringify({ ...snapshot, projects }, null, 2));
    renameSync(tmp, this.path);
    for (const id of this.written) {
      if (kept.has(id)) continue;
      rmSync(join(this.pagesDir, `${id}.b64`), { force: true });
      this.written.delete(id);
    }
  }

  private pageToSave(page: StoredCoverPage, kept: Set<string>): SavedCoverPage {
    const name = `${page.id}.b64`;
    if (!this.written.has(page.id)) {
      mkdirSync(this.pagesDir, { recursive: true });
      const tmp = join(this.pagesDir, `${name}.tmp`);
      writeFileSync(tmp, page.file.fileContent);
      renameSync(tmp, join(this.pagesDir, name));
      this.written.add(page.id);
    }
    kept.add(page.id);
    return { ...page, file: { fileType: page.file.fileType, contentFile: name } };
  }
}
