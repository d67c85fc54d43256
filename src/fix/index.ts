export { applyReplacements, type AppliedEdits } from './apply.js';
export { fixFiles, type FixOutcome } from './files.js';
export { suggestReplacement, type LinesOf, type Suggestion } from './suggest.js';
export { withReplacements } from './attach.js';
