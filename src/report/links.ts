/**
 * Where the project's documentation lives online, for links in SARIF rule descriptors and PR
 * comments. One place to change when the repository moves.
 */

/** The project's home page (its source repository). */
export const PROJECT_URL = 'https://github.com/openclaw/openclaw-tags';

/** The page that documents a rule: `docs/rules/<id>.md` in the repository. */
export function ruleHelpUri(ruleId: string): string {
  return `${PROJECT_URL}/blob/main/docs/rules/${encodeURIComponent(ruleId)}.md`;
}
