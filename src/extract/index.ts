import { cloudFormationExtractor } from './cloudformation/index.js';
import { kubernetesExtractor } from './kubernetes/index.js';
import { sdkExtractor } from './sdk/index.js';
import { terraformPlanExtractor } from './terraform-plan/index.js';
import { terraformExtractor } from './terraform/index.js';
import type { Extractor } from './types.js';

/**
 * Every input format, in the order they are offered each file: the first whose `claim`
 * accepts a file reads it. Content checks are specific enough that the order only matters
 * for files that could be two things (a JSON file is a plan before it is a template).
 */
export const extractors: readonly Extractor[] = [
  terraformExtractor,
  terraformPlanExtractor,
  cloudFormationExtractor,
  kubernetesExtractor,
  sdkExtractor,
];
