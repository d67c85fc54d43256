/**
 * What each provider accepts as a tag or label key and value, and how many it allows on one
 * resource. Shared by the policy loader (to check `forms`) and the `invalid-key` rule.
 */

/** Providers whose key syntax is known; others accept any key. */
export type ProviderFamily = 'aws' | 'google' | 'azure' | 'kubernetes';

const FAMILY_BY_PROVIDER: Readonly<Record<string, ProviderFamily>> = {
  aws: 'aws',
  awscc: 'aws',
  google: 'google',
  'google-beta': 'google',
  azurerm: 'azure',
  azapi: 'azure',
  azure: 'azure',
  kubernetes: 'kubernetes',
};

/** The family whose syntax applies to a `Resource.provider`, if it is one we know. */
export function providerFamily(provider: string): ProviderFamily | undefined {
  return FAMILY_BY_PROVIDER[provider];
}

/** How users call a family in messages. */
export const FAMILY_NAMES: Readonly<Record<ProviderFamily, string>> = {
  aws: 'AWS',
  google: 'GCP',
  azure: 'Azure',
  kubernetes: 'Kubernetes',
};

/** Most keys one resource may carry, where the provider sets a limit. */
export const MAX_TAGS: Readonly<Record<ProviderFamily, number | undefined>> = {
  aws: 50,
  google: 64,
  azure: 50,
  kubernetes: undefined,
};

const GCP_KEY = /^[\p{Ll}\p{Lo}][\p{Ll}\p{Lo}\p{N}_-]*$/u;
const GCP_VALUE = /^[\p{Ll}\p{Lo}\p{N}_-]*$/u;
const K8S_NAME = /^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/;
const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const AZURE_FORBIDDEN = /[<>%&\\?/]/;
const K8S_CHARSET =
  'start and end with a letter or digit and contain only letters, digits, -, _ and .';

/** Why `key` is not a valid key for the family, or undefined when it is. */
export function keyProblem(family: ProviderFamily, key: string): string | undefined {
  const length = [...key].length;
  switch (family) {
    case 'aws':
      if (key.toLowerCase().startsWith('aws:')) return 'the aws: prefix is reserved for AWS';
      return length > 128
        ? `keys may have at most 128 characters; this one has ${length}`
        : undefined;
    case 'google':
      if (length > 63) return `keys may have at most 63 characters; this one has ${length}`;
      if (!GCP_KEY.test(key)) {
        return (
          'keys must start with a lowercase letter and contain only lowercase letters, ' +
          'digits, _ and -'
        );
      }
      return undefined;
    case 'azure':
      if (length > 512) return `keys may have at most 512 characters; this one has ${length}`;
      return AZURE_FORBIDDEN.test(key) ? 'keys may not contain < > % & \\ ? or /' : undefined;
    case 'kubernetes':
      return kubernetesKeyProblem(key);
  }
}

/**
 * Why `value` is not a valid value for the family, or undefined when it is. Kubernetes
 * annotation values are free text; label values are judged by length only.
 */
export function valueProblem(
  family: ProviderFamily,
  value: string,
  target: 'labels' | 'annotations',
): string | undefined {
  const length = [...value].length;
  switch (family) {
    case 'aws':
    case 'azure':
      return length > 256
        ? `values may have at most 256 characters; this one has ${length}`
        : undefined;
    case 'google':
      if (length > 63) return `values may have at most 63 characters; this one has ${length}`;
      return GCP_VALUE.test(value)
        ? undefined
        : 'values may contain only lowercase letters, digits, _ and -';
    case 'kubernetes':
      // Only the length of label values is judged. Their character rules (no spaces, say) are
      // enforced by the API server at apply time, and label checkers such as Kyverno accept
      // `owner: John Doe` as present; a finding here would contradict them.
      if (target === 'annotations') return undefined;
      return length > 63
        ? `label values may have at most 63 characters; this one has ${length}`
        : undefined;
  }
}

function kubernetesKeyProblem(key: string): string | undefined {
  const slash = key.indexOf('/');
  const prefix = slash >= 0 ? key.slice(0, slash) : undefined;
  const name = slash >= 0 ? key.slice(slash + 1) : key;

  if (prefix !== undefined) {
    const labels = prefix.split('.');
    const validPrefix = prefix.length <= 253 && labels.every((label) => DNS_LABEL.test(label));
    if (!validPrefix) {
      return (
        'the prefix before / must be a DNS subdomain (lowercase letters, digits, - and ., ' +
        'at most 253 characters)'
      );
    }
  }
  if (name.length === 0 || name.length > 63) {
    return `the name part must have 1 to 63 characters; this one has ${name.length}`;
  }
  return K8S_NAME.test(name) ? undefined : `the name part must ${K8S_CHARSET}`;
}
