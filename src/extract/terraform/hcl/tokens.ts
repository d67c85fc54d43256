/**
 * Token shapes of the HCL native syntax, as produced by `lexer.ts` and read by the parsers.
 * Every token carries its 1-based line and its character range in the source, so that the
 * extractor can point at any attribute, block or map key exactly.
 */

/** A piece of a quoted string or heredoc: literal text or an interpolation's tokens. */
export type TemplatePart =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'interpolation'; readonly tokens: readonly Token[] }
  /** A `%{ ... }` directive: kept only as a marker, its value is never known statically. */
  | { readonly kind: 'directive'; readonly source: string };

/** Punctuation and operators, spelled as in the source. */
export type Punctuation =
  | '{'
  | '}'
  | '['
  | ']'
  | '('
  | ')'
  | '='
  | '=='
  | '!='
  | '<'
  | '>'
  | '<='
  | '>='
  | '+'
  | '-'
  | '*'
  | '/'
  | '%'
  | '&&'
  | '||'
  | '!'
  | '?'
  | ':'
  | '.'
  | ','
  | '...'
  | '=>';

interface TokenBase {
  readonly line: number;
  /** Offset of the first character in the source. */
  readonly start: number;
  /** Offset just past the last character. */
  readonly end: number;
}

/** One lexical token. Comments and newlines are dropped: the grammar does not need them. */
export type Token =
  | (TokenBase & { readonly kind: 'ident'; readonly text: string })
  | (TokenBase & { readonly kind: 'number'; readonly value: number })
  | (TokenBase & { readonly kind: 'template'; readonly parts: readonly TemplatePart[] })
  | (TokenBase & { readonly kind: 'punct'; readonly text: Punctuation });

/** A source text that the lexer or a parser refused; `line` is 1-based. */
export class HclSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
    this.name = 'HclSyntaxError';
  }
}
