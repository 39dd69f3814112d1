import type { CommandContext, Context } from "grammy";
import {
  changesSubscription,
  digestRefusalText,
  digestResultText,
  parseDigestCommand,
  runDigestCommand,
} from "../../src/mod.js";
import type { BotDeps } from "./deps.js";
import { renderDigestHtml } from "./digest-html.js";
import { quoteOf, replyPlain } from "./respond.js";

/** Whether the sender may change the chat's subscription: anyone in a private chat, admins in a group. */
async function mayChange(ctx: CommandContext<Context>): Promise<boolean> {
  if (ctx.chat.type === "private") return true;
  // An anonymous admin posts as the group itself.
  if (ctx.msg.sender_chat?.id === ctx.chat.id) return true;
  if (!ctx.from) return false;
  try {
    const member = await ctx.getChatMember(ctx.from.id);
    return member.status === "creator" || member.status === "administrator";
  } catch {
    return false; // membership cannot be confirmed: refuse rather than let anyone change it
  }
}

/** /digest on [HH:MM] [话题…] | off | status | now — the chat's daily digest. */
export async function handleDigestCommand(ctx: CommandContext<Context>, deps: BotDeps): Promise<void> {
  if (!deps.store) return replyPlain(ctx, digestRefusalText({ code: "disabled" }));
  const cmd = parseDigestCommand(ctx.match);
  if (changesSubscription(cmd) && !(await mayChange(ctx)))
    return replyPlain(ctx, digestRefusalText({ code: "admins-only" }));
  const result = await runDigestCommand(
    {
      store: deps.store,
      source: deps.engine,
      platform: "telegram",
      chatId: String(ctx.chat.id),
      userId: String(ctx.from?.id ?? ctx.chat.id),
      now: new Date(deps.clock()),
    },
    cmd,
  );
  await replyPlain(ctx, digestResultText(result));
  if (result.kind !== "preview") return;
  for (const html of renderDigestHtml(result.digest))
    await ctx.reply(html, {
      ...quoteOf(ctx),
      parse_mode: "HTML",
      link_preview_options: { is_disabled: true },
    });
}
