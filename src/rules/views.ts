import type { JudgedResource, TagMap } from '../model.js';
import type { Policy } from '../policy/types.js';

/** One tag map to judge, with the words and lines findings about it need. */
export interface TagView {
  readonly tags: TagMap;
  /** The condition under which this map applies (a variant), or null for the only map. */
  readonly condition: string | null;
  /** `tag`, `label` or `annotation`: what one entry is called on this resource. */
  readonly noun: 'tag' | 'label' | 'annotation';
  /**
   * The provider whose spelling and syntax the keys follow: the resource's, except for cloud
   * tags written in a Kubernetes object (a Karpenter node class), which follow the cloud's.
   */
  readonly provider: string;
  /** `tags`, `labels` or `annotations`: what the map is called. */
  readonly target: 'tags' | 'labels' | 'annotations';
  /** Whether the resource already has this map written out, so a key can be added to it. */
  readonly hasMap: boolean;
  /** Where a new key goes: the map's line when it exists, else the resource's line. */
  readonly insertLine: number;
  /**
   * Where `key` was set, falling back to `insertLine`; `file` is given when that line is in
   * another file than the resource's (a module call's input, a provider's default tags).
   */
  placeOf(key: string): Place;
}

/** A line, in the resource's own file unless `file` says otherwise. */
export interface Place {
  readonly line: number;
  readonly file?: string;
}

/**
 * The tag maps a resource is judged by: each condition-dependent variant when there are
 * variants, else its tags; for Kubernetes under `target: annotations`, its annotations.
 */
export function tagViews(policy: Policy, resource: JudgedResource): TagView[] {
  if (resource.provider === 'kubernetes' && policy.target === 'annotations') {
    const hasMap = resource.annotations !== undefined;
    return [
      {
        tags: resource.annotations ?? {},
        condition: null,
        noun: 'annotation',
        provider: 'kubernetes',
        target: 'annotations',
        hasMap,
        insertLine: resource.line,
        placeOf: () => ({ line: resource.line }),
      },
    ];
  }

  const hasMap = resource.tagsLine !== undefined;
  const insertLine = resource.tagsLine ?? resource.line;
  const target = resource.tagTarget;
  const base = {
    noun: nounOf(target),
    provider: keyProvider(resource),
    target,
    hasMap,
    insertLine,
    placeOf: (key: string) => originPlace(resource, key) ?? { line: insertLine },
  };
  const variants = resource.variants ?? [];
  if (variants.length === 0) return [{ ...base, tags: resource.tags, condition: null }];
  return variants.map((variant) => ({ ...base, tags: variant.tags, condition: variant.condition }));
}

function originPlace(resource: JudgedResource, key: string): Place | undefined {
  const origin = resource.origins?.[key];
  if (origin === undefined) return undefined;
  const elsewhere = origin.file !== undefined && origin.file !== resource.file;
  return elsewhere ? { line: origin.line, file: origin.file } : { line: origin.line };
}

function keyProvider(resource: JudgedResource): string {
  const cloud = resource.attributes?.['cloudProvider'];
  const cloudTags = resource.provider === 'kubernetes' && resource.tagTarget === 'tags';
  return cloudTags && cloud !== undefined ? cloud : resource.provider;
}

function nounOf(target: TagView['target']): TagView['noun'] {
  if (target === 'labels') return 'label';
  if (target === 'annotations') return 'annotation';
  return 'tag';
}
