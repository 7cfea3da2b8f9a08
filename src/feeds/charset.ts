/**
 * Turns feed bytes into text. Korean and Japanese outlets still serve EUC-KR and Shift_JIS, and
 * servers often lie in the Content-Type header, so the order is: byte-order mark (never wrong),
 * then the header, then the XML declaration; and a header that says UTF-8 over bytes that are
 * not UTF-8 loses to a declaration that names something else.
 */

export interface DecodedText {
  text: string;
  /** The encoding that was used, as TextDecoder names it. */
  encoding: string;
  /** Where the encoding came from, for warnings and debugging. */
  source: 'bom' | 'header' | 'xml-declaration' | 'default';
}

function bomEncoding(bytes: Uint8Array): { encoding: string; length: number } | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  return undefined;
}

/** The TextDecoder name for a label, or undefined when the label is unknown. */
export function normaliseLabel(label: string | undefined): string | undefined {
  if (!label) return undefined;
  try {
    return new TextDecoder(label.trim().replace(/^["']|["']$/g, '')).encoding;
  } catch {
    return undefined;
  }
}

export function charsetFromContentType(contentType: string | undefined): string | undefined {
  const match = contentType?.match(/charset\s*=\s*("?)([^";,\s]+)\1/i);
  return match?.[2];
}

/** The encoding named in `<?xml … encoding="…"?>`; the declaration is ASCII in every encoding we read. */
export function charsetFromXmlDeclaration(bytes: Uint8Array): string | undefined {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  const match = head.match(/^\s*<\?xml[^>]*?\sencoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/);
  return match?.[1];
}

/** `<meta charset>` or its http-equiv form, for article pages. */
export function charsetFromHtmlMeta(bytes: Uint8Array): string | undefined {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 2048));
  return head.match(/<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9._:-]+)/i)?.[1];
}

function decodeWith(encoding: string, bytes: Uint8Array, fatal: boolean): string {
  // ignoreBOM: the BOM was either consumed by us or is absent; never leave a stray U+FEFF in the text.
  return new TextDecoder(encoding, { fatal, ignoreBOM: false }).decode(bytes);
}

/** Never throws: bytes that do not fit the encoding become U+FFFD. */
export function decodeBody(bytes: Uint8Array, contentType?: string): DecodedText {
  const bom = bomEncoding(bytes);
  if (bom) return { text: decodeWith(bom.encoding, bytes.subarray(bom.length), false), encoding: bom.encoding, source: 'bom' };

  const fromHeader = normaliseLabel(charsetFromContentType(contentType));
  const fromXml = normaliseLabel(charsetFromXmlDeclaration(bytes) ?? charsetFromHtmlMeta(bytes));
  if (fromHeader) {
    if (fromXml && fromXml !== fromHeader) {
      try {
        return { text: decodeWith(fromHeader, bytes, true), encoding: fromHeader, source: 'header' };
      } catch {
        // The header's encoding cannot read these bytes; the document's own declaration is the better witness.
        return { text: decodeWith(fromXml, bytes, false), encoding: fromXml, source: 'xml-declaration' };
      }
    }
    return { text: decodeWith(fromHeader, bytes, false), encoding: fromHeader, source: 'header' };
  }
  if (fromXml) return { text: decodeWith(fromXml, bytes, false), encoding: fromXml, source: 'xml-declaration' };
  return { text: decodeWith('utf-8', bytes, false), encoding: 'utf-8', source: 'default' };
}
