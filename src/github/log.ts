/**
 * The log levels the pull-request code may use, passed in so that the GitHub helpers never
 * import `@actions/core` and tests can read what was said. One meaning per level: `debug` for
 * tracing, `info` for progress, `warning` for degraded-but-going, `notice` for a step skipped on
 * purpose that the user should still see.
 */
export interface ActionLog {
  debug(message: string): void;
  info(message: string): void;
  warning(message: string): void;
  notice(message: string): void;
}

/** A log that keeps every line, for tests and for callers that report later. */
export interface RecordedLog extends ActionLog {
  readonly lines: readonly { readonly level: keyof ActionLog; readonly message: string }[];
}

/** Creates an `ActionLog` that records its lines instead of printing them. */
export function recordingLog(): RecordedLog {
  const lines: { level: keyof ActionLog; message: string }[] = [];
  const at =
    (level: keyof ActionLog) =>
    (message: string): void => {
      lines.push({ level, message });
    };
  return {
    lines,
    debug: at('debug'),
    info: at('info'),
    warning: at('warning'),
    notice: at('notice'),
  };
}
