import { execFile } from 'node:child_process';
import path from 'node:path';

// unpdf loads PDF.js as an ES module, which jest's CommonJS sandbox cannot import; a short-lived
// node process reads the PDF instead.
const SCRIPT = `
import { extractText, getDocumentProxy } from 'unpdf';
const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const pdf = await getDocumentProxy(new Uint8Array(Buffer.concat(chunks)));
const { text, totalPages } = await extractText(pdf, { mergePages: true });
process.stdout.write(JSON.stringify({ text, totalPages }));
`;

/** The text of a PDF as a PDF text extractor (unpdf, i.e. PDF.js) reads it, and its page count. */
export function pdfText(pdf: Uint8Array): Promise<{ text: string; totalPages: number }> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      process.execPath,
      ['--input-type=module', '-e', SCRIPT],
      { cwd: path.join(__dirname, '..'), maxBuffer: 20 * 1024 * 1024 },
      (error, stdout, stderr) =>
        error ? reject(new Error(`${error.message}\n${stderr}`)) : resolve(JSON.parse(stdout)),
    );
    child.stdin?.end(Buffer.from(pdf));
  });
}
