import type { MarkdownChatState } from "../markdown/chat-state.js";

/** What the robot's message handler shares, built once per robot. */
export interface DingTalkDeps extends MarkdownChatState {
  /** Sends a markdown message to a conversation's session webhook. */
  reply(sessionWebhook: string, title: string, text: string): Promise<void>;
}
