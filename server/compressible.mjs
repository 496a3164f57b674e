// Which of Next's static files are sent compressed, shared by the server (server/static-assets.ts)
// and the build step that writes their Brotli forms (scripts/precompress.mjs), so both agree.
// Plain JavaScript, so the build script can import it as it is.

/** Kinds of file worth compressing: text. Images and fonts are compressed already. */
const COMPRESSIBLE_EXTENSIONS = new Set([".js", ".css", ".json", ".map", ".txt", ".svg"]);
/** Up to this size, compression saves less than its own headers cost. */
const SMALL_BYTES = 1024;

/** Where the build puts a file's Brotli form: beside it, with this added to its name. */
export const BROTLI_SUFFIX = ".br";

/** Whether a file with this extension (".js") and size is sent compressed. */
export const isCompressible = (extension, bytes) =>
  COMPRESSIBLE_EXTENSIONS.has(extension) && bytes > SMALL_BYTES;
