// wawoff2 ships no types; the one function the PDF export uses.
declare module 'wawoff2' {
  /** Unpacks a WOFF2 font to its TrueType/OpenType bytes. */
  export function decompress(woff2: Uint8Array): Promise<Uint8Array>;
}
