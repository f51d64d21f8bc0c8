// multipart/form-data bodies (RFC 7578), as 2011 cameras upload their snapshots.

import { randomBytes } from 'node:crypto';

export interface FilePart {
  name: string;
  filename: string;
  type: string;
  data: Buffer;
}

export function buildMultipart(fields: Record<string, string>, file: FilePart): { body: Buffer; contentType: string } {
  const boundary = `----kwcam${randomBytes(8).toString('hex')}`;
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  }
  parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${file.name}"; filename="${file.filename}"\r\nContent-Type: ${file.type}\r\n\r\n`));
  parts.push(file.data, Buffer.from(`\r\n--${boundary}--\r\n`));
  return { body: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}
