// Reading multipart/form-data (RFC 7578) as 2011 cameras upload it: a few text fields and one JPEG.

export interface Part {
  name: string;
  filename: string | undefined;
  type: string | undefined;
  data: Buffer;
}

/** The boundary of a multipart content type, or undefined. */
export function boundaryOf(contentType: string | undefined): string | undefined {
  const match = /^multipart\/form-data;.*boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType ?? '');
  return match?.[1] ?? match?.[2];
}

/** Splits the body on its boundary; throws with the reason when it is not well formed. */
export function parseMultipart(body: Buffer, boundary: string): Part[] {
  const delimiter = Buffer.from(`--${boundary}`);
  const parts: Part[] = [];
  let start = body.indexOf(delimiter);
  if (start < 0) throw new Error(`no boundary "${boundary}" in the body`);
  for (;;) {
    start += delimiter.length;
    if (body.subarray(start, start + 2).toString() === '--') return parts; // the closing delimiter
    const next = body.indexOf(delimiter, start);
    if (next < 0) throw new Error('the body ends without its closing boundary');
    parts.push(parsePart(body.subarray(start + 2, next - 2))); // drop the CRLF after the delimiter and before the next
    start = next;
  }
}

function parsePart(raw: Buffer): Part {
  const split = raw.indexOf('\r\n\r\n');
  if (split < 0) throw new Error('a part has no blank line after its headers');
  const headers = raw.subarray(0, split).toString('utf8');
  const disposition = /content-disposition:\s*form-data;([^\r\n]*)/i.exec(headers)?.[1] ?? '';
  const name = /\bname="([^"]*)"/.exec(disposition)?.[1];
  if (name === undefined) throw new Error('a part has no Content-Disposition name');
  return {
    name,
    filename: /\bfilename="([^"]*)"/.exec(disposition)?.[1],
    type: /content-type:\s*([^\r\n;]+)/i.exec(headers)?.[1]?.trim(),
    data: raw.subarray(split + 4),
  };
}
