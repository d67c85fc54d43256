import { isSeq } from 'yaml';
import type { Extraction, InputError, Notice, Resource } from '../../model.js';
import { constructPathOf } from './cdk.js';
import { declaredResources, type ResourceDeclaration } from './declarations.js';
import type { StackTag } from './effective-tags.js';
import { readSamGlobals } from './globals.js';
import { isSyntaxError, parseTemplate, scalarText, valueOf, type ParsedTemplate } from './parse.js';
import { buildResource } from './resource.js';
import { readParameters, templateScope } from './scope.js';

/** Transforms whose effect on tags this extractor applies itself. */
const UNDERSTOOD_TRANSFORMS = new Set(['AWS::Serverless-2016-10-31', 'AWS::LanguageExtensions']);

/** One template to read, with what applies to the whole stack. */
export interface TemplateInput {
  /** Path relative to the working directory. */
  readonly file: string;
  readonly text: string;
  /** Stack-level tags, lowest precedence first; a later one wins for the same key. */
  readonly stackTags: readonly StackTag[];
  /** Parameter values that replace the template's defaults (`samconfig.toml`). */
  readonly parameterOverrides: ReadonlyMap<string, string>;
}

/**
 * Reads one CloudFormation, SAM or CDK-synthesized template into resources. A template that
 * does not parse gives one error with the line of the problem; a resource without a `Type`
 * gives an error at its line, and the other resources are still read.
 */
export function extractTemplate(input: TemplateInput): Extraction {
  const parsed = parseTemplate(input.text);
  if (isSyntaxError(parsed)) {
    return { resources: [], errors: [{ file: input.file, ...parsed }], notices: [] };
  }
  return readTemplate(parsed, input);
}

/** The resources of a template already parsed. */
export function readTemplate(parsed: ParsedTemplate, input: TemplateInput): Extraction {
  const messages: string[] = transformNotices(parsed);
  const scope = templateScope(parsed, readParameters(parsed, input.parameterOverrides));
  const declarations = declaredResources(valueOf(parsed.root, 'Resources'), scope, messages);
  const facts = {
    file: input.file,
    globals: readSamGlobals(parsed),
    stackTags: input.stackTags,
    dropToolingTags: isCdkOutput(input.file, declarations),
  };

  const resources: Resource[] = [];
  const errors: InputError[] = [];
  for (const declaration of declarations) {
    const result = buildResource(declaration, facts);
    if (result.kind === 'error') {
      errors.push(result.error);
      continue;
    }
    resources.push(result.resource);
    messages.push(...result.notices);
  }
  const notices: Notice[] = messages.map((message) => ({ file: input.file, message }));
  return { resources, errors, notices };
}

/** Macros other than SAM and language extensions rewrite the template before deployment. */
function transformNotices(template: ParsedTemplate): string[] {
  const node = template.deref(valueOf(template.root, 'Transform'));
  const names = isSeq(node) ? node.items : [node];
  const notices: string[] = [];
  for (const item of names) {
    const name = scalarText(template.deref(item)) ?? scalarText(valueOf(item, 'Name'));
    if (name === undefined || UNDERSTOOD_TRANSFORMS.has(name)) continue;
    notices.push(
      `Transform ${name} at line ${template.lineOf(item)} is a macro this check does not run; ` +
        'resources are judged as written, before the macro changes them',
    );
  }
  return notices;
}

/** CDK output: a `*.template.json` file or any resource with `aws:cdk:path` metadata. */
function isCdkOutput(file: string, declarations: readonly ResourceDeclaration[]): boolean {
  if (file.endsWith('.template.json')) return true;
  return declarations.some(
    (declaration) => constructPathOf(declaration.body, declaration.scope.template) !== undefined,
  );
}
