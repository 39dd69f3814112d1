import { createRequire } from "node:module";
import "@larksuiteoapi/node-sdk";

/** A frame of Feishu's long connection (pbbp2.Frame), as the SDK encodes and decodes it. */
export interface LarkFrame {
  SeqID: number;
  LogID: number;
  service: number;
  method: number;
  headers: Array<{ key: string; value: string }>;
  payload?: Uint8Array;
}

interface FrameCodec {
  encode(frame: LarkFrame): { finish(): Uint8Array };
  decode(bytes: Uint8Array): LarkFrame;
}

/**
 * The SDK's own frame codec: its generated protobuf code registers pbbp2 in protobufjs's default root (it does not
 * export it), so the fake speaks exactly the SDK's encoding.
 */
function sdkCodec(): FrameCodec {
  const sdk = createRequire(import.meta.url).resolve("@larksuiteoapi/node-sdk");
  const protobuf = createRequire(sdk)("protobufjs/minimal") as {
    roots: { default: { pbbp2?: { Frame?: FrameCodec } } };
  };
  const codec = protobuf.roots.default.pbbp2?.Frame;
  if (!codec) throw new Error("the Feishu SDK did not register its pbbp2 frames");
  return codec;
}

export const FRAME = sdkCodec();

/** A data frame carrying an event (or card action) payload, as Feishu's gateway pushes it. */
export function eventFrame(messageId: string, payload: unknown): Uint8Array {
  const headers = [
    { key: "type", value: "event" },
    { key: "message_id", value: messageId },
    { key: "sum", value: "1" },
    { key: "seq", value: "0" },
    { key: "trace_id", value: `trace-${messageId}` },
  ];
  const body = new TextEncoder().encode(JSON.stringify(payload));
  return FRAME.encode({ SeqID: 0, LogID: 0, service: 1, method: 1, headers, payload: body }).finish();
}
