// Entry of the document-parsing worker thread. A worker does not inherit every host's TypeScript loader
// (vitest's, for one), so tsx is registered here before the TypeScript module is imported.
import { register } from "tsx/esm/api";

register();
await import("./parse-worker.ts");
