import type { ActionLog } from '../github/log.js';
import type { ActionSettings } from './settings.js';

/** What an ingest run hands back to the entry point: the snapshot it wrote. */
export interface IngestOutcome {
  readonly snapshot: string;
}

/** `mode: ingest` asked of a build that cannot ingest billing data from the Action yet. */
export class IngestUnavailableError extends Error {
  constructor() {
    super(
      'mode "ingest" is not available in this version of the Action; use mode "check", or ' +
        'run `openclaw-tags ingest FILES... --out SNAPSHOT.json` in a run step',
    );
    this.name = 'IngestUnavailableError';
  }
}

/**
 * Runs `mode: ingest`: reads billing exports and writes a snapshot. This is where billing
 * ingestion plugs into the Action; until it does, every call throws `IngestUnavailableError`
 * and the step fails with that message, so `ingest` is never a silent success.
 */
export async function runIngest(
  _settings: ActionSettings,
  _log: ActionLog,
): Promise<IngestOutcome> {
  throw new IngestUnavailableError();
}
