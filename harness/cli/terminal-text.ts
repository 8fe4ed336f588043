import { stripVTControlCharacters } from 'node:util';

/**
 * Text from claim cards, configs, trial files and command-line arguments can hold terminal control
 * sequences (a title that sets the window title, rewrites the screen or hides what follows). What
 * the CLI prints goes through here: escape sequences are removed whole (Node's own stripper), then
 * every other control character (C0 but line feed, DEL, C1) and the bidirectional-override
 * characters that reorder what a reader sees. Tabs become spaces.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is its purpose
const LEFTOVER_CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

export function terminalText(s: string): string {
  return stripVTControlCharacters(s).replace(/\t/g, ' ').replace(LEFTOVER_CONTROLS, '');
}

/**
 * JSON for a terminal or a pipe: JSON.stringify already escapes C0 characters, but not DEL, C1 or
 * the bidirectional controls; those are written as \u escapes, which parse back to the same string.
 */
export function terminalJson(value: unknown): string {
  const escape = (c: string) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
  return JSON.stringify(value, null, 2).replace(/[\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, escape);
}

/** Prints lines of text to stdout, cleaned. */
export function printLine(line: string): void {
  process.stdout.write(terminalText(line) + '\n');
}

/** Prints text to stdout as is apart from cleaning (the caller ends it with a newline). */
export function printText(text: string): void {
  process.stdout.write(terminalText(text));
}

/** Prints lines to stderr, cleaned. */
export function printError(line: string): void {
  process.stderr.write(terminalText(line) + '\n');
}
