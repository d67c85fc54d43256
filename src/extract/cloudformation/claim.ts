import type { DiscoveredFile } from '../../sources/discover.js';

/**
 * Decides from text alone, without parsing, whether a YAML or JSON file is a CloudFormation
 * template: it names `AWSTemplateFormatVersion`, or the SAM transform, or has a top-level
 * `Resources` section with a `Type` of the `Vendor::Service::Thing` shape. Kubernetes manifests
 * (`apiVersion`/`kind`) and Terraform plans or `.tf.json` files are never claimed.
 */

const VERSION_KEY = /^["']?AWSTemplateFormatVersion["']?[ \t]*:/m;
const SAM_TRANSFORM = /AWS::Serverless-2016-10-31/;
const RESOURCE_TYPE = /["']?Type["']?[ \t]*:[ \t]*["']?[A-Za-z0-9]+::[A-Za-z0-9]+/;

/** In YAML a top-level key starts at column 0; JSON top-level keys can be indented. */
const YAML_RESOURCES = /^["']?Resources["']?[ \t]*:/m;
const JSON_RESOURCES = /["']?Resources["']?[ \t\r\n]*:/;
const JSON_VERSION = /["']?AWSTemplateFormatVersion["']?[ \t\r\n]*:/;

const KUBERNETES_MANIFEST = /^apiVersion[ \t]*:/m;
const TERRAFORM_PLAN = /"(?:terraform_version|format_version|resource_changes)"[ \t]*:/;

/** Whether `file` is a template this extractor reads. */
export function looksLikeTemplate(file: DiscoveredFile, text: string): boolean {
  if (file.kind !== 'yaml' && file.kind !== 'json') return false;
  if (file.file.endsWith('.tf.json')) return false;
  return isJsonText(text) ? looksLikeJsonTemplate(text) : looksLikeYamlTemplate(text);
}

function isJsonText(text: string): boolean {
  return /^\s*\{/.test(text);
}

function looksLikeJsonTemplate(text: string): boolean {
  if (TERRAFORM_PLAN.test(text)) return false;
  if (JSON_VERSION.test(text) || SAM_TRANSFORM.test(text)) return true;
  return JSON_RESOURCES.test(text) && RESOURCE_TYPE.test(text);
}

function looksLikeYamlTemplate(text: string): boolean {
  if (KUBERNETES_MANIFEST.test(text) && !VERSION_KEY.test(text)) return false;
  if (VERSION_KEY.test(text) || SAM_TRANSFORM.test(text)) return true;
  return YAML_RESOURCES.test(text) && RESOURCE_TYPE.test(text);
}
