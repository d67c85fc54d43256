import { basename } from 'node:path';
import type { DiscoveredFile } from '../../sources/discover.js';
import { isHelmTemplate } from './helm.js';
import { KUSTOMIZATION_FILE_NAMES } from './kustomize/kustomization.js';

/**
 * Which files the Kubernetes extractor reads, decided from the name and a few regular
 * expressions over the text (no parsing): kustomization files, Helm templates, and YAML or
 * JSON files with `apiVersion` and `kind` at the top level of a document. CloudFormation
 * templates, which may carry both words, are left to their own extractor.
 */

const YAML_API_VERSION = /^["']?apiVersion["']?[ \t]*:/m;
const YAML_KIND = /^["']?kind["']?[ \t]*:/m;
const JSON_API_VERSION = /"apiVersion"\s*:/;
const JSON_KIND = /"kind"\s*:/;
const CLOUDFORMATION = /^["']?AWSTemplateFormatVersion["']?\s*:|"AWSTemplateFormatVersion"\s*:/m;
const CLOUDFORMATION_TYPE = /["']?Type["']?\s*:\s*["']?AWS::/;

/** Whether the file is a kustomization by its name. */
export function isKustomizationFile(absPath: string): boolean {
  return KUSTOMIZATION_FILE_NAMES.includes(basename(absPath));
}

/** Whether the Kubernetes extractor reads this file. */
export function claimsKubernetesFile(file: DiscoveredFile, text: string): boolean {
  if (file.kind !== 'yaml' && file.kind !== 'json') return false;
  if (isKustomizationFile(file.absPath)) return true;
  if (isHelmTemplate(file.absPath, text)) return true;
  if (looksLikeCloudFormation(text)) return false;
  if (file.kind === 'json') return JSON_API_VERSION.test(text) && JSON_KIND.test(text);
  return YAML_API_VERSION.test(text) && YAML_KIND.test(text);
}

function looksLikeCloudFormation(text: string): boolean {
  return (
    CLOUDFORMATION.test(text) || (text.includes('Resources') && CLOUDFORMATION_TYPE.test(text))
  );
}
