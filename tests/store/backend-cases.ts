import { beforeEach, expect, it } from "vitest";
import type { RatedAnswer } from "../../src/answer/reply.js";
import type { FeedbackRecord } from "../../src/store/feedback.js";
import type { Store } from "../../src/store/open-store.js";
import { subscribe } from "../digest/helpers.js";
import type { BackendUnderTest } from "./backend-under-test.js";
import { RATED_SOURCE } from "./rated-source.js";

const T0 = new Date("2025-03-03T01:00:00Z");
const min = (m: number) => new Date(T0.getTime() + m * 60_000);
const ANSWER: RatedAnswer = {
  kind: "answer",
  figure: "27.8万个",
  quote: "新增学位27.8万个。",
  source: RATED_SOURCE,
};
const doc = (hash: string, file: string) => ({
  doc: file,
  hash,
  title: "标题",
  publisher: "重庆日报",
  date: null,
});
const vote = (over: Partial<FeedbackRecord> = {}): FeedbackRecord => ({
  platform: "slack",
  chat: "C1",
  user: "U1",
  question: "新增学位多少",
  rating: "down",
  at: "2025-03-03T01:00:00.000Z",
  target: { replyId: "r1", index: 0 },
  answer: ANSWER,
  ...over,
});

/** The behaviour every store backend must have, repository by repository. */
export function storeCases(b: BackendUnderTest): void {
  let store: Store;
  beforeEach(async () => {
    await b.fresh();
    store = await b.open();
  });

  it("documents: the first sighting is kept; between is after `from`, up to `until`; ordered bytewise", async () => {
    expect(
      await store.documents.recordSeen([doc("h1", "b.txt"), doc("h2", "B.txt"), doc("h2", "B.txt")], T0),
    ).toBe(2);
    expect(await store.documents.recordSeen([doc("h1", "b.txt"), doc("h3", "文件.txt")], min(1))).toBe(1);
    expect(await store.documents.recordSeen([], min(2))).toBe(0);
    expect((await store.documents.all()).map((d) => [d.file, d.firstSeen])).toEqual([
      ["B.txt", T0.toISOString()],
      ["b.txt", T0.toISOString()],
      ["文件.txt", min(1).toISOString()],
    ]);
    expect((await store.documents.firstSeenBetween(T0, min(1))).map((d) => d.hash)).toEqual(["h3"]);
    expect(await store.documents.firstSeenBetween(min(1), min(5))).toEqual([]);
    expect((await store.documents.all())[0]).toEqual({
      hash: "h2",
      file: "B.txt",
      title: "标题",
      publisher: "重庆日报",
      date: null,
      firstSeen: T0.toISOString(),
    });
  });

  it("subscriptions: upsert keeps id and created time and resumes; pause, active, remove", async () => {
    const a = await subscribe(store, { chatId: "a", topics: ["学位", "教师"] }, T0);
    const c = await subscribe(store, { platform: "slack", chatId: "C1" }, T0);
    expect(a).toMatchObject({ chatId: "a", topics: ["学位", "教师"], paused: false, wantEmpty: false });
    await store.subscriptions.pause(a.id, "推送失败");
    expect(await store.subscriptions.byId(a.id)).toMatchObject({ paused: true, pausedReason: "推送失败" });
    expect((await store.subscriptions.active()).map((s) => s.id)).toEqual([c.id]);
    const again = await subscribe(store, { chatId: "a", time: "18:30", wantEmpty: true }, min(9));
    expect(again).toEqual({
      ...a,
      time: "18:30",
      topics: [],
      wantEmpty: true,
      paused: false,
      pausedReason: null,
    });
    expect((await store.subscriptions.active()).map((s) => s.id)).toEqual([a.id, c.id]);
    expect(await store.subscriptions.get("slack", "C1")).toEqual(c);
    expect(await store.subscriptions.get("telegram", "C1")).toBeNull();
    expect(await store.subscriptions.remove("slack", "C1")).toBe(true);
    expect(await store.subscriptions.remove("slack", "C1")).toBe(false);
    expect(await store.subscriptions.byId(c.id)).toBeNull();
  });

  it("claims: one per subscription and day; renew and release only by the owner; history goes with the subscription", async () => {
    const sub = await subscribe(store, {}, T0);
    const row = await store.deliveries.claim(sub.id, "2025-03-03", "A", T0, min(3));
    expect(row).toEqual({
      id: row?.id,
      subscriptionId: sub.id,
      digestDate: "2025-03-03",
      status: "claimed",
      attempts: 1,
      claimedAt: T0.toISOString(),
      owner: "A",
      leaseUntil: min(3).toISOString(),
      sentAt: null,
      error: null,
    });
    const id = row?.id ?? 0;
    expect(await store.deliveries.claim(sub.id, "2025-03-03", "B", T0, min(3))).toBeNull();
    expect(await store.deliveries.renew(id, "B", min(6))).toBe(false);
    expect(await store.deliveries.renew(id, "A", min(6))).toBe(true);
    await store.deliveries.release(id, "B"); // not B's: nothing happens
    expect(await store.deliveries.get(sub.id, "2025-03-03")).toMatchObject({ owner: "A" });
    await store.deliveries.release(id, "A");
    expect(await store.deliveries.get(sub.id, "2025-03-03")).toMatchObject({ owner: null, leaseUntil: null });
    expect((await store.deliveries.unfinished()).map((d) => d.id)).toEqual([id]);
    await store.parts.add(id, ["p1"]);
    await store.subscriptions.remove("telegram", "100");
    expect(await store.deliveries.get(sub.id, "2025-03-03")).toBeNull();
    expect(await store.parts.list(id)).toEqual([]);
  });

  it("takeover: never while the lease is live; a released claim is no new attempt, a crashed owner's is", async () => {
    const sub = await subscribe(store, {}, T0);
    const id = (await store.deliveries.claim(sub.id, "2025-03-03", "A", T0, min(3)))?.id ?? 0;
    expect(await store.deliveries.takeOver(id, "B", min(2), min(5))).toBe(false);
    expect(await store.deliveries.takeOver(id, "B", min(3), min(6))).toBe(true); // lease_until <= now
    expect(await store.deliveries.get(sub.id, "2025-03-03")).toMatchObject({ owner: "B", attempts: 2 });
    await store.deliveries.release(id, "B");
    expect(await store.deliveries.takeOver(id, "C", min(4), min(7))).toBe(true);
    expect(await store.deliveries.get(sub.id, "2025-03-03")).toMatchObject({ owner: "C", attempts: 2 });
    await store.deliveries.markSent(id, min(5));
    expect(await store.deliveries.takeOver(id, "D", min(60), min(63))).toBe(false); // finished
    expect(await store.deliveries.renew(id, "C", min(9))).toBe(false);
    expect(await store.deliveries.unfinished()).toEqual([]);
  });

  it("two owners taking over one expired claim at once: exactly one wins", async () => {
    const other = await b.open();
    const sub = await subscribe(store, {}, T0);
    const id = (await store.deliveries.claim(sub.id, "2025-03-03", "gone", T0, min(3)))?.id ?? 0;
    for (let round = 0; round < 5; round++) {
      const at = min(10 + round * 10);
      const won = await Promise.all([
        store.deliveries.takeOver(id, `B${round}`, at, min(13 + round * 10)),
        other.deliveries.takeOver(id, `C${round}`, at, min(13 + round * 10)),
      ]);
      expect(won.filter(Boolean)).toHaveLength(1);
    }
    expect(await store.deliveries.get(sub.id, "2025-03-03")).toMatchObject({ attempts: 6 });
  });

  it("finishing: sent, skipped, failed and unknown; the last sent and the last delivered", async () => {
    const sub = await subscribe(store, {}, T0);
    const day = (d: number) => new Date(T0.getTime() + d * 86_400_000);
    const ids: number[] = [];
    for (const [d, date] of ["2025-03-03", "2025-03-04", "2025-03-05", "2025-03-06"].entries())
      ids.push((await store.deliveries.claim(sub.id, date, "A", day(d), day(d + 1)))?.id ?? 0);
    await store.deliveries.markSent(ids[0] ?? 0, day(0));
    await store.deliveries.markUnknown(ids[1] ?? 0, day(1), "timeout");
    await store.deliveries.markFailed(ids[2] ?? 0, day(2), "chat not found");
    await store.deliveries.markSkipped(ids[3] ?? 0);
    expect(await store.deliveries.get(sub.id, "2025-03-03")).toMatchObject({
      status: "sent",
      sentAt: day(0).toISOString(),
      owner: null,
      leaseUntil: null,
      error: null,
    });
    expect(await store.deliveries.get(sub.id, "2025-03-05")).toMatchObject({
      status: "failed",
      error: `${day(2).toISOString()} chat not found`,
    });
    expect(await store.deliveries.lastSent(sub.id)).toMatchObject({ digestDate: "2025-03-03" });
    expect(await store.deliveries.lastDelivered(sub.id)).toMatchObject({
      digestDate: "2025-03-04",
      status: "unknown",
    });
    expect(await store.deliveries.lastSent(sub.id + 1)).toBeNull();
  });

  it("parts: recorded in order, all pending; a mark keeps an earlier message id and sent time", async () => {
    const sub = await subscribe(store, {}, T0);
    const id = (await store.deliveries.claim(sub.id, "2025-03-03", "A", T0, min(3)))?.id ?? 0;
    expect(await store.parts.list(id)).toEqual([]);
    await store.parts.add(id, ["<b>一</b>", '{"blocks":[]}', "三"]);
    await store.parts.mark(id, 1, "sending");
    await store.parts.mark(id, 1, "sent", min(1), "m-1");
    await store.parts.mark(id, 1, "unknown");
    await store.parts.mark(id, 2, "failed");
    expect(await store.parts.list(id)).toEqual([
      {
        deliveryId: id,
        part: 1,
        payload: "<b>一</b>",
        status: "unknown",
        messageId: "m-1",
        sentAt: min(1).toISOString(),
      },
      { deliveryId: id, part: 2, payload: '{"blocks":[]}', status: "failed", messageId: null, sentAt: null },
      { deliveryId: id, part: 3, payload: "三", status: "pending", messageId: null, sentAt: null },
    ]);
  });

  it("votes: one per user and answer, changed or kept; without a target every click is a row", async () => {
    expect(await store.feedback.record(vote())).toBe("recorded");
    expect(await store.feedback.record(vote({ at: "2025-03-03T01:01:00.000Z" }))).toBe("kept");
    const { answer: _, ...bare } = vote({ rating: "up", at: "2025-03-03T01:02:00.000Z" });
    expect(await store.feedback.record(bare)).toBe("changed");
    expect(await store.feedback.record(vote({ target: { replyId: "r1", index: 1 } }))).toBe("recorded");
    expect(await store.feedback.record(vote({ user: "U2" }))).toBe("recorded");
    const plain = { ...vote({ platform: "telegram", at: "2025-03-04T00:00:00.000Z" }), target: undefined };
    expect(await store.feedback.record(plain)).toBe("recorded");
    expect(await store.feedback.record(plain)).toBe("recorded");
    const rows = await store.feedback.list();
    expect(rows).toHaveLength(5);
    expect(rows[0]).toMatchObject({ platform: "telegram", user: "U1" });
    expect(rows.find((r) => r.rating === "up")).toMatchObject({ figure: "27.8万个", source: RATED_SOURCE });
    expect(await store.feedback.list({ rating: "up" })).toHaveLength(1);
    expect(await store.feedback.list({ since: "2025-03-04" })).toHaveLength(2);
  });

  it("votes: the same user's clicks recorded at once by two replicas leave one row", async () => {
    const other = await b.open();
    const clicks = Array.from({ length: 8 }, (_, i) =>
      (i % 2 ? other : store).feedback.record(
        vote({ rating: i % 3 ? "down" : "up", at: `2025-03-03T01:00:0${i}.000Z` }),
      ),
    );
    const outcomes = await Promise.all(clicks);
    expect(outcomes.filter((o) => o === "recorded")).toHaveLength(1);
    expect(await store.feedback.list()).toHaveLength(1);
  });
}
