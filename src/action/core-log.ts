import * as core from '@actions/core';
import type { ActionLog } from '../github/log.js';

/** The runner's log through `@actions/core`; notices and warnings carry no file position. */
export const coreLog: ActionLog = {
  debug: (message) => core.debug(message),
  info: (message) => core.info(message),
  warning: (message) => core.warning(message),
  notice: (message) => core.notice(message),
};
