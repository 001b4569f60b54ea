import fs from "node:fs";

export function writeAll(fd: number, chunks: Buffer[]): Promise<void> {
  const buf = chunks.length === 1 ? chunks[0] : Buffer.concat(chunks);
  return new Promise((resolve, reject) => {
    let offset = 0;
    const step = (): void => {
      fs.write(fd, buf, offset, buf.length - offset, null, (err, written) => {
        if (err) return reject(err);
        offset += written;
        if (offset < buf.length) step();
        else resolve();
      });
    };
    if (buf.length === 0) resolve();
    else step();
  });
}

export function datasync(fd: number): Promise<void> {
  return new Promise((resolve, reject) => fs.fdatasync(fd, (err) => (err ? reject(err) : resolve())));
}
