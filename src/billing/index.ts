/**
 * Billing: reads cloud and AI billing exports into a versioned snapshot of spend by tag. The
 * CLI's `ingest` command calls `ingestFiles` and `writeSnapshotAtomically`; `report` calls
 * `readSnapshot`.
 */
export { ingestFiles, type IngestOptions } from './ingest.js';
export {
  readSnapshot,
  writeSnapshotAtomically,
  parseSnapshot,
  serializeSnapshot,
} from './snapshot/io.js';
export { BillingInputError, SnapshotError } from './errors.js';
export { projectTagsOf } from './attribution.js';
export type { BillingFormat, CostMeasure, FormatOption } from './record.js';
export { FORMAT_OPTIONS } from './record.js';
export type { ProjectTags } from './formats/cells.js';
export * from './snapshot/types.js';
