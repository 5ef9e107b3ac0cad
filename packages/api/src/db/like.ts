/** Escapes `%`, `_` and `\` so that a searched text matches itself inside a LIKE pattern. */
export const escapeLike = (text: string): string => text.replace(/[\\%_]/g, (c) => `\\${c}`);
