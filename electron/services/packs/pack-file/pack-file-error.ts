/**
 * Why a pack file was refused. Every refusal is a `PackFileError`: an `AppError` whose `code`
 * crosses IPC unchanged, plus a finer `problem` the installer and the tests can switch on.
 */
import { AppError, assertNever, type ErrorCode } from '../../../../shared/result';

/** The kinds of problem a pack file (or a key given to read or write one) can have. */
export type PackFileProblem =
  | 'not_a_pack'
  | 'unsupported_format'
  | 'truncated'
  | 'trailing_bytes'
  | 'too_large'
  | 'bad_manifest'
  | 'bad_entry'
  | 'corrupt_entry'
  | 'tampered_entry'
  | 'bad_text'
  | 'bad_embeddings'
  | 'bad_signature'
  | 'untrusted_key'
  | 'unsigned'
  | 'bad_key';

/**
 * The stable error code for a problem: trust decisions are `unauthorized` (the file may be
 * fine, the publisher is not trusted here), a newer format is `unsupported` (update Inloop),
 * everything else is a damaged or hostile file, `invalid_request`.
 */
export function errorCodeFor(problem: PackFileProblem): ErrorCode {
  switch (problem) {
    case 'untrusted_key':
    case 'unsigned':
      return 'unauthorized';
    case 'unsupported_format':
      return 'unsupported';
    case 'not_a_pack':
    case 'truncated':
    case 'trailing_bytes':
    case 'too_large':
    case 'bad_manifest':
    case 'bad_entry':
    case 'corrupt_entry':
    case 'tampered_entry':
    case 'bad_text':
    case 'bad_embeddings':
    case 'bad_signature':
    case 'bad_key':
      return 'invalid_request';
    default:
      return assertNever(problem);
  }
}

/** A refused pack file or key; `message` says what is wrong in words an IT admin can act on. */
export class PackFileError extends AppError {
  constructor(
    readonly problem: PackFileProblem,
    message: string,
  ) {
    super(errorCodeFor(problem), message);
    this.name = 'PackFileError';
  }
}

/**
 * Text taken from a hostile file, made safe to show in a UI or a terminal: control and format
 * characters (terminal escapes, bidi overrides) are escaped and long text is cut.
 */
export function printable(text: string, max = 200): string {
  return cut(text, max).replace(/[\p{Cc}\p{Cf}\p{Cs}\p{Zl}\p{Zp}]/gu, escapeChar);
}

/** `printable`, in double quotes, with quotes and backslashes escaped. */
export function quoted(text: string, max = 80): string {
  return `"${cut(text, max).replace(/[\p{Cc}\p{Cf}\p{Cs}\p{Zl}\p{Zp}\\"]/gu, escapeChar)}"`;
}

function cut(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

function escapeChar(c: string): string {
  if (c === '\\' || c === '"') return `\\${c}`;
  return `\\u{${c.codePointAt(0)!.toString(16)}}`;
}
