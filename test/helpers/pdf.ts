/** A tiny PDF (it starts with `%PDF-`), padded with `extraBytes` bytes of comment, as base64. */
export function pdfBase64(extraBytes = 0): string {
  const body = `%PDF-1.4\n%${"x".repeat(extraBytes)}\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n`;
  return Buffer.from(body, "latin1").toString("base64");
}

/** A cover page body the emulator accepts. */
export function coverPageBody(name = "Cover", extraBytes = 0): { name: string; file: { fileContent: string; fileType: "PDF" } } {
  return { name, file: { fileContent: pdfBase64(extraBytes), fileType: "PDF" } };
}
