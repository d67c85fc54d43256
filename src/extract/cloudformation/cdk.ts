import { valueOf, scalarText, type ParsedTemplate } from './parse.js';

/**
 * Templates synthesized by the AWS CDK. Their logical ids are generated (`MyBucketF68F3FF0`), so
 * the construct path from `Metadata."aws:cdk:path"` is what the user recognizes. The CDK also
 * writes tags of its own (`aws-cdk:auto-delete-objects`, ...) that no one chose for cost
 * allocation; those are dropped from such templates.
 */

/** The construct path the CDK recorded for a resource, if any. */
export function constructPathOf(body: unknown, template: ParsedTemplate): string | undefined {
  const metadata = template.deref(valueOf(template.deref(body), 'Metadata'));
  const path = scalarText(template.deref(valueOf(metadata, 'aws:cdk:path')));
  return path === '' ? undefined : path;
}

/** Whether a tag key is one the CDK or AWS itself writes, not the user. */
export function isToolingTagKey(key: string): boolean {
  return key.startsWith('aws-cdk:') || key.startsWith('aws:');
}
