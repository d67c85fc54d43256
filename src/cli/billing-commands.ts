import type { Command } from 'commander';
import type { CliIo } from './io.js';

/** `openclaw-tags ingest` and `report`: billing exports to snapshots, snapshots to reports. */
export function registerBillingCommands(
  _program: Command,
  _io: CliIo,
  _setExitCode: (code: number) => void,
): void {}
