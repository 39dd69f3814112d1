import { type Dirent, existsSync, readdirSync, realpathSync, type Stats, statSync } from "node:fs";
import { isAbsolute, join, relative } from "node:path";
import { AppError } from "../errors.js";
import { hasControls, showControls } from "./control-chars.js";
import { isDocumentName } from "./corpus-files.js";

/** The entries of a corpus directory: documents to read, and entries with a document's name that are left out. */
export interface CorpusScan {
  files: string[];
  skipped: Array<{ file: string; reason: string }>;
}

/** What an entry is, when it is not a regular file (a FIFO is never opened: reading one would hang). */
function kindOf(entry: Dirent | Stats): string {
  if (entry.isDirectory()) return "a directory";
  if (entry.isFIFO()) return "a named pipe (FIFO)";
  if (entry.isSocket()) return "a socket";
  if (entry.isBlockDevice() || entry.isCharacterDevice()) return "a device";
  return "not a regular file";
}

/** Why a symbolic link is not read, or null when it points at a regular file inside the corpus directory. */
function linkProblem(path: string, root: string): string | null {
  let target: Stats | undefined;
  let real: string;
  try {
    target = statSync(path, { throwIfNoEntry: false });
    if (!target) return "a symbolic link to a missing file";
    real = realpathSync(path);
  } catch (e) {
    return `a symbolic link that cannot be followed (${(e as NodeJS.ErrnoException).code})`;
  }
  const rel = relative(root, real);
  if (rel.startsWith("..") || isAbsolute(rel))
    return "a symbolic link to a file outside the corpus directory";
  return target.isFile() ? null : `a symbolic link to ${kindOf(target)}`;
}

/** Why an entry is not read as a document, or null when it is one. */
function entryProblem(dir: string, root: string, entry: Dirent): string | null {
  if (entry.isFile()) return null;
  if (entry.isSymbolicLink()) return linkProblem(join(dir, entry.name), root);
  return kindOf(entry);
}

/**
 * Lists a corpus directory: regular files (or links to regular files inside it) with a document's name are
 * read, sorted by name; directories, FIFOs, sockets, devices, dangling links, links leading out of the
 * directory and names with control characters are skipped with the reason. Throws CORPUS_MISSING when the
 * directory is not there.
 */
export function scanCorpus(dir: string): CorpusScan {
  if (!existsSync(dir) || !statSync(dir).isDirectory())
    throw new AppError(
      "CORPUS_MISSING",
      `corpus directory ${dir} does not exist — create it or set CORPUS_DIR`,
    );
  const root = realpathSync(dir);
  const scan: CorpusScan = { files: [], skipped: [] };
  const entries = readdirSync(dir, { withFileTypes: true }).filter((e) => isDocumentName(e.name));
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    if (hasControls(entry.name)) {
      const reason = "a name with control characters (a terminal would obey them) — rename it; not read";
      scan.skipped.push({ file: showControls(entry.name), reason });
      continue;
    }
    const problem = entryProblem(dir, root, entry);
    if (problem) scan.skipped.push({ file: entry.name, reason: `${problem} — not read` });
    else scan.files.push(entry.name);
  }
  return scan;
}
