export {
  applyExemptions,
  INVALID_EXEMPTION,
  invalidExemptionMeta,
  type ExemptionInput,
  type ExemptionOutcome,
} from './apply.js';
export { DIRECTIVE, parseDirective, type Directive } from './directive.js';
