import { blocksOf, type Block, type Body } from './hcl/ast.js';
import { evaluate, type Env } from './eval/evaluate.js';
import { elementsOf } from './eval/for-expression.js';
import type { ParsedFile } from './parse-file.js';
import { tagsFromValue, type TagOutcome } from './tags.js';

/**
 * Default tags a resource sets for itself with `override_provider { default_tags { tags } }`
 * (aws), also written as a `dynamic "override_provider"` over a known collection. Undefined
 * when the resource keeps its provider's defaults; a `dynamic` block over an unknown
 * collection keeps them too, which may count default keys the resource opted out of.
 */
export function overriddenDefaultTags(
  body: Body,
  env: Env,
  file: ParsedFile,
): TagOutcome | undefined {
  const direct = blocksOf(body, 'override_provider')[0];
  if (direct) return fromOverride(direct, env, file);
  for (const dynamic of blocksOf(body, 'dynamic')) {
    if (dynamic.labels[0] !== 'override_provider') continue;
    const forEach = dynamic.body.attributes.get('for_each');
    const content = blocksOf(dynamic.body, 'content')[0];
    const elements = forEach ? elementsOf(evaluate(forEach.expr, env)) : undefined;
    if (content && elements && elements.length > 0) return fromOverride(content, env, file);
  }
  return undefined;
}

function fromOverride(block: Block, env: Env, file: ParsedFile): TagOutcome | undefined {
  const tags = blocksOf(block.body, 'default_tags')[0]?.body.attributes.get('tags');
  if (!tags) return { entries: new Map() };
  return tagsFromValue(evaluate(tags.expr, env), `override_provider default_tags in ${file.file}`);
}
