import { connect } from "node:net";

/** What came back from a raw request: the status line's code (0 when the connection closed first). */
export interface RawResponse {
  status: number;
}

/**
 * POSTs exactly the bytes given, header lines included, the way a hostile client could (fetch would normalise
 * them); `chunked` sends the body without a Content-Length, so only counting the bytes can refuse it.
 */
export function rawPost(
  port: number,
  headerLines: string[],
  body: string,
  o: { chunked?: boolean } = {},
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, "127.0.0.1");
    let received = "";
    socket.setEncoding("latin1");
    socket.on("data", (d: string) => {
      received += d;
    });
    socket.on("error", (e: NodeJS.ErrnoException) => {
      // The server may close a refused request while the body is still being written.
      if (e.code === "EPIPE" || e.code === "ECONNRESET") return;
      reject(e);
    });
    socket.on("close", () => resolve({ status: Number(/^HTTP\/1\.1 (\d{3})/.exec(received)?.[1] ?? 0) }));
    const bytes = Buffer.from(body, "utf8");
    const framing = o.chunked ? ["Transfer-Encoding: chunked"] : [`Content-Length: ${bytes.length}`];
    const head = [
      "POST / HTTP/1.1",
      "Host: 127.0.0.1",
      "Content-Type: application/json",
      "Connection: close",
    ];
    socket.write(Buffer.from(`${[...head, ...framing, ...headerLines].join("\r\n")}\r\n\r\n`, "latin1"));
    if (!o.chunked) socket.end(bytes);
    else
      socket.end(
        Buffer.concat([Buffer.from(`${bytes.length.toString(16)}\r\n`), bytes, Buffer.from("\r\n0\r\n\r\n")]),
      );
  });
}
