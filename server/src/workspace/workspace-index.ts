// The workspace index: a summary of every config file of the workspace folders, kept current
// from open documents (their latest text wins) and from changes on disk. A file is read again
// only when its size or modification time changed, and analysed again only when its text did.
import { createHash } from "node:crypto";
import * as path from "node:path";
import { parse, type SyntaxTree } from "../syntax/syntax-tree";
import { LineStarts } from "./line-starts";
import { summarize, type FileAnalysis, type FileSummary } from "./file-summary";
import type { FileStat, WorkspaceFiles } from "./workspace-files";
import { DEFAULT_SCAN_LIMITS, type ScanLimits } from "./folder-scan";
import { NameResolution } from "./name-resolution";
import { IndexServiceCatalog } from "./index-service-catalog";
import { MAX_CONFIG_BYTES } from "../files/read-file";

/** What an update changed, for whoever must re-check the files that depend on it. */
export interface IndexChange {
  /** Files that appeared, disappeared, or whose globals, keys or imports changed. */
  files: Set<string>;
  /** The services some file defines, or their dependencies, changed. */
  services: boolean;
  /** The globals some file reads changed. */
  globalUses: boolean;
  /** Files appeared or disappeared, or imports changed: which file sees which changed. */
  structure: boolean;
}

export const noChange = (): IndexChange => ({ files: new Set(), services: false, globalUses: false, structure: false });

export function mergeChange(into: IndexChange, other: IndexChange): IndexChange {
  for (const f of other.files) into.files.add(f);
  into.services ||= other.services;
  into.globalUses ||= other.globalUses;
  into.structure ||= other.structure;
  return into;
}

export function isEmptyChange(c: IndexChange): boolean {
  return c.files.size === 0 && !c.services && !c.globalUses && !c.structure;
}

interface DiskState { summary: FileSummary; stat: FileStat; hash: string }

interface FileEntry {
  disk: DiskState | null;
  /** The open document's latest summary: it wins over the disk's. */
  open: FileSummary | null;
  /** Not a file on disk (an untitled document): it has no folder, imports nothing. */
  virtual: boolean;
}

export interface UpdateOptions {
  progress?: (done: number, total: number) => void;
  /** Asked between steps: true stops the update where it is. */
  cancelled?: () => boolean;
  limits?: ScanLimits;
}

export interface IndexOptions {
  files: WorkspaceFiles;
  /** Analyses a parsed file, as validation does (schemas decide which values name services). */
  analyze(tree: SyntaxTree, file: string): FileAnalysis;
  folders?: readonly string[];
  /** Told about a file that could not be read or analysed; the file is then left out. */
  onError?(file: string, e: unknown): void;
}

/** A file larger than this is left out: one generated dump must not take the server's memory. */
const MAX_FILE_BYTES = MAX_CONFIG_BYTES;

export class WorkspaceIndex {
  private readonly entries = new Map<string, FileEntry>();
  /** Paths looked up and not found; a created-file event takes a path out again. */
  private readonly missing = new Set<string>();
  private readonly readers = new Map<string, Set<string>>();
  /** Paths of two segments (`services.users`) → the files that define them: members of root keys, found fast. */
  private readonly members = new Map<string, Set<string>>();
  /** Root keys that values name members of (`services`), with how many files name them. */
  private readonly targets = new Map<string, number>([["services", 1]]);
  private catalog: IndexServiceCatalog | null = null;
  private folderList: string[] = [];
  readonly resolution = new NameResolution(this);
  /** Workspace folders not read to the end yet: added since, or never indexed. */
  private readonly pendingFolders = new Set<string>();
  /** Folders whose scan stopped at a limit, with why in words: their files were not all read. */
  private readonly partialFolders = new Map<string, string>();
  private indexedOnce = false;
  /** Files whose analysis is out of date (the schemas changed): the next update analyses them again. */
  private readonly stale = new Set<string>();
  private outsideAllowed = true;
  private readonly refused = new Set<string>();
  /** Bumps when files appear or disappear or their imports change: caches of who sees what drop then. */
  generation = 0;
  /** How often a file was read from disk and analysed, for tests and benchmarks. */
  readonly counters = { reads: 0, analyses: 0 };

  constructor(private readonly options: IndexOptions) {
    this.setFolders(options.folders ?? []);
  }

  get files(): WorkspaceFiles { return this.options.files; }
  get folders(): readonly string[] { return this.folderList; }
  get size(): number { return this.entries.size; }

  setFolders(folders: readonly string[]): void {
    const before = new Set(this.folderList);
    this.folderList = folders.map((f) => path.resolve(f));
    const now = new Set(this.folderList);
    for (const f of now) if (!before.has(f)) this.pendingFolders.add(f);
    for (const f of before) {
      if (now.has(f)) continue;
      this.pendingFolders.delete(f);
      this.partialFolders.delete(f);
    }
    this.generation++;
  }

  /**
   * Whether every workspace folder has been read to the end (or as far as its limits let):
   * until then, checks that judge by the whole workspace wait, and rename refuses.
   */
  get complete(): boolean {
    return this.indexedOnce && this.pendingFolders.size === 0;
  }

  /** The workspace is the files given so far (`tsk check`: the files named on the command line). */
  markComplete(): void {
    this.indexedOnce = true;
    this.pendingFolders.clear();
  }

  /** Why some files of the workspace were not read, one line per folder; empty when all were. */
  get partial(): readonly string[] {
    return [...this.partialFolders.values()];
  }

  /** The limits were raised: the folders read only in part are read again by the next update. */
  rescanPartial(): void {
    for (const folder of this.partialFolders.keys()) this.pendingFolders.add(folder);
    this.partialFolders.clear();
  }

  /** Whether files wait to be analysed again or folders to be read. */
  get upToDate(): boolean {
    return this.complete && this.stale.size === 0;
  }

  /**
   * Workspace folders were added or removed: the files only a removed folder held are
   * forgotten (open documents stay, and so do files another file imports or reads: they are
   * read again when asked for); an added folder's files are read by the next `indexFolders`.
   */
  changeFolders(folders: readonly string[]): IndexChange {
    this.setFolders(folders);
    const change = noChange();
    for (const [file, entry] of [...this.entries]) {
      if (entry.open || this.folderOf(file) !== null) continue;
      mergeChange(change, this.replace(file, null));
    }
    return change;
  }

  /** The workspace folder a file belongs to (the innermost), or null. */
  folderOf(file: string): string | null {
    let best: string | null = null;
    for (const f of this.folderList) {
      const inside = file === f || file.startsWith(f.endsWith(path.sep) ? f : f + path.sep);
      if (inside && (best === null || f.length > best.length)) best = f;
    }
    return best;
  }

  /** A file's name as messages show it: relative to its workspace folder. */
  displayName(file: string): string {
    const folder = this.folderOf(file);
    return folder ? path.relative(folder, file) || path.basename(file) : file;
  }

  // ---- reading -------------------------------------------------------------------------

  /** The file's summary as last seen, without going to disk. */
  summary(file: string): FileSummary | undefined {
    const e = this.entries.get(file);
    return e ? e.open ?? e.disk?.summary : undefined;
  }

  /**
   * The file's summary, read from disk the first time it is asked for when it is not indexed
   * (a file outside the workspace folders that one inside imports, say).
   */
  lookup(file: string): FileSummary | undefined {
    const known = this.summary(file);
    if (known || this.missing.has(file)) return known;
    if (this.isExternal(file) && !this.readsOutside) {
      this.refused.add(file);
      return undefined;
    }
    this.refreshFromDisk(file);
    return this.summary(file);
  }

  /**
   * Whether files outside the workspace folders that a file inside names (`@import`,
   * `@name.tsk.get`) may be read: not in a workspace the user has not trusted, where the
   * workspace must not choose what is read.
   */
  get readsOutside(): boolean {
    return this.outsideAllowed;
  }

  set readsOutside(allowed: boolean) {
    if (allowed === this.outsideAllowed) return;
    this.outsideAllowed = allowed;
    this.refused.clear();
    // Who sees which file may change: cached answers drop.
    this.generation++;
  }

  /** Whether `file` (outside the folders) was named but not read, the workspace being untrusted. */
  wasRefused(file: string): boolean {
    return this.refused.has(file);
  }

  isOpen(file: string): boolean { return this.entries.get(file)?.open != null; }
  isVirtual(file: string): boolean { return this.entries.get(file)?.virtual === true; }
  /** Outside every workspace folder: nothing watches it, and a rename cannot know its readers. */
  isExternal(file: string): boolean { return !this.isVirtual(file) && this.folderOf(file) === null; }
  /**
   * Whether what the file holds (its keys, values, names, lines) may be shown to the user: a
   * file outside the workspace folders is read for checks when a file inside imports or reads
   * it (`@import("../../../../etc/passwd")`), but only the user opening it shows it.
   */
  mayShow(file: string): boolean { return !this.isExternal(file) || this.isOpen(file); }

  *summaries(): IterableIterator<[string, FileSummary]> {
    for (const [file, e] of this.entries) {
      const s = e.open ?? e.disk?.summary;
      if (s) yield [file, s];
    }
  }

  /** Files that read `$name` (whichever file defines it for them). */
  readersOf(name: string): ReadonlySet<string> {
    return this.readers.get(name) ?? new Set();
  }

  /** The files that define a two-segment path such as `services.users`. */
  definersOf(formatted: string): ReadonlySet<string> {
    return this.members.get(formatted) ?? new Set();
  }

  /** Whether values name members of root key `root` (as `service = "users"` names `services.users`). */
  isReferenceTarget(root: string): boolean {
    return (this.targets.get(root) ?? 0) > 0;
  }

  serviceCatalog(): IndexServiceCatalog {
    return (this.catalog ??= new IndexServiceCatalog(this.summaries()));
  }

  // ---- updating ------------------------------------------------------------------------

  /**
   * Brings the index up to date: analyses again the files whose analysis is stale, then reads
   * the folders not read yet, yielding to the event loop now and then so that requests are
   * answered meanwhile. When `cancelled` says so (a newer update supersedes this one) it stops
   * where it is; what it did is kept, and what it did not is left for the next update.
   */
  async update(options: UpdateOptions = {}): Promise<IndexChange> {
    const cancelled = options.cancelled ?? (() => false);
    const limits = options.limits ?? DEFAULT_SCAN_LIMITS;
    const change = noChange();
    let last = Date.now();
    const breathe = async () => {
      if (Date.now() - last < 15) return;
      // Requests that arrived meanwhile are answered before the next files are read.
      await new Promise((resolve) => setImmediate(resolve));
      last = Date.now();
    };
    for (const file of [...this.stale]) {
      if (cancelled()) return change;
      mergeChange(change, this.reanalyze(file));
      await breathe();
    }
    let done = 0;
    let total = 0;
    for (const folder of [...this.pendingFolders]) {
      if (cancelled()) return change;
      const scan = await this.options.files.scan(folder, limits, cancelled);
      if (cancelled()) return change;
      total += scan.files.length;
      for (const file of scan.files) {
        mergeChange(change, this.refreshFromDisk(file));
        done++;
        if (Date.now() - last >= 15) options.progress?.(done, total);
        await breathe();
        if (cancelled()) return change;
      }
      // A folder removed meanwhile is not pending any more, and must not be marked read.
      if (!this.pendingFolders.delete(folder)) continue;
      if (scan.stoppedEarly) this.partialFolders.set(folder, scan.stoppedEarly);
      else this.partialFolders.delete(folder);
    }
    options.progress?.(done, total);
    this.indexedOnce = true;
    return change;
  }

  /** The same, at once: for `tsk check`, tests and benchmarks. */
  indexFoldersNow(limits: ScanLimits = DEFAULT_SCAN_LIMITS): IndexChange {
    const change = noChange();
    for (const file of [...this.stale]) mergeChange(change, this.reanalyze(file));
    for (const folder of [...this.pendingFolders]) {
      const scan = this.options.files.list(folder, limits);
      for (const file of scan.files) mergeChange(change, this.refreshFromDisk(file));
      this.pendingFolders.delete(folder);
      if (scan.stoppedEarly) this.partialFolders.set(folder, scan.stoppedEarly);
    }
    this.indexedOnce = true;
    return change;
  }

  /** A file was created or changed on disk (or may have been). An open document's text still wins. */
  refreshFromDisk(file: string): IndexChange {
    const entry = this.entries.get(file);
    // Its disk state is checked again when it closes.
    if (entry?.open) return noChange();
    const stat = this.options.files.stat(file);
    if (!stat || stat.size > MAX_FILE_BYTES) {
      this.missing.add(file);
      return entry ? this.replace(file, null) : noChange();
    }
    this.missing.delete(file);
    const disk = entry?.disk;
    if (disk && disk.stat.mtimeMs === stat.mtimeMs && disk.stat.size === stat.size) return noChange();
    let text: string;
    try {
      text = this.options.files.read(file);
      this.counters.reads++;
    } catch (e) {
      this.options.onError?.(file, e);
      this.missing.add(file);
      return entry ? this.replace(file, null) : noChange();
    }
    const hash = createHash("sha1").update(text).digest("base64");
    if (disk && disk.hash === hash) {
      disk.stat = stat;
      return noChange();
    }
    const summary = this.analyzeText(file, text);
    this.stale.delete(file);
    if (!summary) return entry ? this.replace(file, null) : noChange();
    return this.replace(file, { summary, stat, hash });
  }

  /** A file was deleted on disk; or a folder, and every file below it with it. */
  removeFromDisk(file: string): IndexChange {
    this.missing.add(file);
    const entry = this.entries.get(file);
    if (!entry) {
      const below = file.endsWith(path.sep) ? file : file + path.sep;
      const change = noChange();
      for (const f of [...this.entries.keys()]) if (f.startsWith(below)) mergeChange(change, this.removeFromDisk(f));
      return change;
    }
    if (entry.open) {
      entry.disk = null;
      return noChange();
    }
    return this.replace(file, null);
  }

  /** An open document's latest text, parsed and analysed by its owner. */
  setOpen(file: string, tree: SyntaxTree, analysis: FileAnalysis, virtual = false): IndexChange {
    const summary = summarize(tree, analysis, tree.lines, true);
    let entry = this.entries.get(file);
    const before = entry ? entry.open ?? entry.disk?.summary : undefined;
    if (!entry) {
      entry = { disk: null, open: null, virtual };
      this.entries.set(file, entry);
    }
    this.missing.delete(file);
    entry.open = summary;
    return this.changed(file, before, summary);
  }

  /** The document closed: the file on disk stands for it again (read again only if it changed). */
  close(file: string): IndexChange {
    const entry = this.entries.get(file);
    if (!entry?.open) return noChange();
    const before = entry.open;
    entry.open = null;
    if (entry.virtual || !entry.disk) {
      this.entries.delete(file);
      const change = this.changed(file, before, undefined);
      return entry.virtual ? change : mergeChange(change, this.refreshFromDisk(file));
    }
    const change = this.changed(file, before, entry.disk.summary);
    return mergeChange(change, this.refreshFromDisk(file));
  }

  /**
   * Settings that decide what a file's values mean changed: every file read from disk so far
   * is analysed again by the next `update` (files read after this call are analysed afresh).
   */
  markAllStale(): void {
    for (const [file, entry] of this.entries) if (!entry.open && entry.disk) this.stale.add(file);
  }

  private reanalyze(file: string): IndexChange {
    this.stale.delete(file);
    const entry = this.entries.get(file);
    if (!entry || entry.open || !entry.disk) return noChange();
    entry.disk.stat = { mtimeMs: -1, size: -1 };
    entry.disk.hash = "";
    return this.refreshFromDisk(file);
  }

  private analyzeText(file: string, text: string): FileSummary | null {
    try {
      const tree = parse(text);
      const summary = summarize(tree, this.options.analyze(tree, file), new LineStarts(text));
      this.counters.analyses++;
      return summary;
    } catch (e) {
      this.options.onError?.(file, e);
      return null;
    }
  }

  private replace(file: string, disk: DiskState | null): IndexChange {
    const entry = this.entries.get(file);
    const before = entry ? entry.open ?? entry.disk?.summary : undefined;
    if (disk) {
      if (entry) entry.disk = disk;
      else this.entries.set(file, { disk, open: null, virtual: false });
    } else if (entry) {
      this.stale.delete(file);
      if (entry.open) entry.disk = null;
      else this.entries.delete(file);
    }
    const after = this.summary(file);
    return this.changed(file, before, after);
  }

  /** Keeps the reverse maps and caches in step, and says what changed. */
  private changed(file: string, before: FileSummary | undefined, after: FileSummary | undefined): IndexChange {
    const change = noChange();
    if (before === after) return change;
    if (!before || !after) {
      change.files.add(file);
      change.structure = true;
      change.services = (before ?? after)!.services.size > 0;
      change.globalUses = (before ?? after)!.names.globalUses.length > 0;
    } else {
      if (before.exports !== after.exports) change.files.add(file);
      if (importsOf(before) !== importsOf(after)) change.structure = true;
      change.services = before.servicesSignature !== after.servicesSignature;
      change.globalUses = before.uses !== after.uses;
    }
    if (change.structure) this.generation++;
    for (const t of new Set(before?.references.map((r) => r.target))) this.targets.set(t, (this.targets.get(t) ?? 0) - 1);
    for (const t of new Set(after?.references.map((r) => r.target))) this.targets.set(t, (this.targets.get(t) ?? 0) + 1);
    if (change.services) this.catalog = null;
    if (!before || !after || before.exports !== after.exports) {
      if (before) {
        const keys = before.keys;
        for (let i = 0; i < keys.length; i++) if (keys.depth(i) === 2) this.members.get(keys.path(i))?.delete(file);
      }
      if (after) {
        const keys = after.keys;
        for (let i = 0; i < keys.length; i++) {
          if (keys.depth(i) !== 2) continue;
          let set = this.members.get(keys.path(i));
          if (!set) this.members.set(keys.path(i), (set = new Set()));
          set.add(file);
        }
      }
    }
    if (!before || !after || change.globalUses) {
      if (before) for (const u of before.names.globalUses) this.readers.get(u.name)?.delete(file);
      if (after) {
        for (const u of after.names.globalUses) {
          let set = this.readers.get(u.name);
          if (!set) this.readers.set(u.name, (set = new Set()));
          set.add(file);
        }
      }
    }
    return change;
  }
}

function importsOf(s: FileSummary): string {
  return s.names.imports.map((i) => i.path).join("\n");
}
