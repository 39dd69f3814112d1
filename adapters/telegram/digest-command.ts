import type { CommandContext, Context } from "grammy";
import { changesSubscription, parseDigestCommand } from "../../src/digest/parse-command.js";
import { runDigestCommand } from "../../src/digest/run-command.js";
import type { BotDeps } from "./deps.js";
import { renderDigestHtml } from "./digest-html.js";
import { quoteOf, replyPlain } from "./respond.js";

/** Replies of /digest that are Telegram's own. */
export const DIGEST_TEXTS = {
  disabled: "每日摘要未启用：机器人运行时没有数据存储。",
  adminsOnly: "只有群管理员可以更改本群的每日摘要订阅；/digest status 和 /digest now 人人可用。",
} as const;

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
  if (!deps.store) return replyPlain(ctx, DIGEST_TEXTS.disabled);
  const cmd = parseDigestCommand(ctx.match);
  if (changesSubscription(cmd) && !(await mayChange(ctx))) return replyPlain(ctx, DIGEST_TEXTS.adminsOnly);
  const result = runDigestCommand(
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
  await replyPlain(ctx, result.text);
  if (!result.preview) return;
  for (const html of renderDigestHtml(result.preview))
    await ctx.reply(html, {
      ...quoteOf(ctx),
      parse_mode: "HTML",
      link_preview_options: { is_disabled: true },
    });
}
