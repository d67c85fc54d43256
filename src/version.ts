/** The product version, shown by `--version` and written into SARIF and snapshots. */
export const VERSION = '0.1.0';
