import { closeSync, constants, fstatSync, openSync, readFileSync } from "node:fs";
import { AppError } from "../errors.js";

/**
 * A regular file's bytes. It is opened without blocking and checked on the open descriptor, so that a file
 * swapped for a FIFO or a directory after the corpus was listed is refused instead of hanging or throwing EISDIR.
 * A file over `maxMb` is refused before its bytes are read.
 */
export function readRegularFile(path: string, name: string, maxMb = Number.POSITIVE_INFINITY): Uint8Array {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (e) {
    throw new AppError("INPUT_INVALID", `${name}: cannot be opened (${(e as NodeJS.ErrnoException).code})`, {
      file: name,
    });
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile())
      throw new AppError("INPUT_INVALID", `${name}: not a regular file — not read`, { file: name });
    const mb = stat.size / 2 ** 20;
    if (mb > maxMb)
      throw new AppError(
        "TOO_LARGE",
        `${name}: ${Number(mb.toPrecision(3))} MB is over the ${maxMb} MB limit — split it or remove it`,
        { file: name },
      );
    return new Uint8Array(readFileSync(fd));
  } finally {
    closeSync(fd);
  }
}
