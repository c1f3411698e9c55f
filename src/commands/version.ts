/** basket's version: `--version`, the completion scripts' headers, the starter config and the md/html reports' footers. */
export const VERSION = '0.1.0';
