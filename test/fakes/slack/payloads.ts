// What Slack sends an app: slash commands, Events API callbacks and interaction payloads, in
// the shapes Slack documents, plus the v0 request signature for HTTP mode.
import { createHmac } from 'node:crypto';
import { TEAM_ID } from './fake-slack.js';

export interface CommandFields {
  text: string;
  userId: string;
  userName?: string;
  channelId: string;
  responseUrl: string;
  command?: string;
}

export function slashCommand(f: CommandFields): Record<string, string> {
  return {
    token: 'legacy-verification-token',
    team_id: TEAM_ID,
    team_domain: 'test',
    channel_id: f.channelId,
    channel_name: 'general',
    user_id: f.userId,
    user_name: f.userName ?? f.userId.toLowerCase(),
    command: f.command ?? '/faq',
    text: f.text,
    api_app_id: 'A0TEST',
    is_enterprise_install: 'false',
    response_url: f.responseUrl,
    trigger_id: `trigger-${Math.random().toString(36).slice(2)}`,
  };
}

let eventCounter = 0;

export function eventCallback(event: Record<string, unknown>, eventId = `Ev${++eventCounter}${Date.now()}`): Record<string, unknown> {
  return {
    token: 'legacy-verification-token',
    team_id: TEAM_ID,
    api_app_id: 'A0TEST',
    event: { event_ts: event.ts, ...event },
    type: 'event_callback',
    event_id: eventId,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ team_id: TEAM_ID, user_id: 'UBOT', is_bot: true, is_enterprise_install: false }],
  };
}

export function appMention(f: { text: string; userId: string; channelId: string; ts: string; threadTs?: string }): Record<string, unknown> {
  return {
    type: 'app_mention',
    user: f.userId,
    text: f.text,
    ts: f.ts,
    channel: f.channelId,
    team: TEAM_ID,
    ...(f.threadTs ? { thread_ts: f.threadTs } : {}),
  };
}

export function directMessage(f: { text: string; userId: string; channelId: string; ts: string }): Record<string, unknown> {
  return { type: 'message', channel_type: 'im', user: f.userId, text: f.text, ts: f.ts, channel: f.channelId, team: TEAM_ID };
}

export interface ButtonFields {
  actionId: string;
  value: string;
  userId: string;
  channelId: string;
  responseUrl: string;
  /** The message the button was on; absent for ephemeral messages, as in Slack. */
  message?: { ts: string; thread_ts?: string };
}

export function blockActions(f: ButtonFields): Record<string, unknown> {
  return {
    type: 'block_actions',
    user: { id: f.userId, username: f.userId.toLowerCase(), name: f.userId.toLowerCase(), team_id: TEAM_ID },
    api_app_id: 'A0TEST',
    token: 'legacy-verification-token',
    container: f.message
      ? {
          type: 'message',
          message_ts: f.message.ts,
          channel_id: f.channelId,
          is_ephemeral: false,
          ...(f.message.thread_ts ? { thread_ts: f.message.thread_ts } : {}),
        }
      : { type: 'message', message_ts: '1700000000.000001', channel_id: f.channelId, is_ephemeral: true },
    trigger_id: `trigger-${Math.random().toString(36).slice(2)}`,
    team: { id: TEAM_ID, domain: 'test' },
    channel: { id: f.channelId, name: 'general' },
    ...(f.message ? { message: { type: 'message', user: 'UBOT', text: 'answer', ...f.message } } : {}),
    response_url: f.responseUrl,
    actions: [
      {
        type: 'button',
        action_id: f.actionId,
        block_id: 'b1',
        value: f.value,
        text: { type: 'plain_text', text: 'x' },
        action_ts: '1700000001.000001',
      },
    ],
  };
}

export function messageShortcut(f: {
  userId: string;
  channelId: string;
  responseUrl: string;
  message: { user?: string; text: string; ts: string; thread_ts?: string };
}): Record<string, unknown> {
  return {
    type: 'message_action',
    token: 'legacy-verification-token',
    action_ts: '1700000002.000001',
    team: { id: TEAM_ID, domain: 'test' },
    user: { id: f.userId, name: f.userId.toLowerCase(), username: f.userId.toLowerCase(), team_id: TEAM_ID },
    channel: { id: f.channelId, name: 'general' },
    callback_id: 'answer_with_faq',
    trigger_id: `trigger-${Math.random().toString(36).slice(2)}`,
    message_ts: f.message.ts,
    message: { type: 'message', ...f.message },
    response_url: f.responseUrl,
  };
}

/** The view the modal was opened with, as Slack returns it on submit: with state and hash. */
export function viewSubmission(f: { userId: string; view: Record<string, unknown>; pickedEntryId?: string }): Record<string, unknown> {
  return {
    type: 'view_submission',
    team: { id: TEAM_ID, domain: 'test' },
    user: { id: f.userId, username: f.userId.toLowerCase(), name: f.userId.toLowerCase(), team_id: TEAM_ID },
    api_app_id: 'A0TEST',
    token: 'legacy-verification-token',
    trigger_id: `trigger-${Math.random().toString(36).slice(2)}`,
    view: {
      ...f.view,
      id: 'V0TEST',
      hash: 'h1',
      team_id: TEAM_ID,
      app_id: 'A0TEST',
      bot_id: 'BBOT',
      state: {
        values: f.pickedEntryId
          ? {
              faq_pick: {
                faq_modal_pick: {
                  type: 'radio_buttons',
                  selected_option: { value: f.pickedEntryId, text: { type: 'plain_text', text: f.pickedEntryId } },
                },
              },
            }
          : {},
      },
    },
    response_urls: [],
  };
}

export function viewBlockAction(f: { userId: string; view: Record<string, unknown>; pickedEntryId: string }): Record<string, unknown> {
  return {
    type: 'block_actions',
    user: { id: f.userId, username: f.userId.toLowerCase(), name: f.userId.toLowerCase(), team_id: TEAM_ID },
    api_app_id: 'A0TEST',
    token: 'legacy-verification-token',
    container: { type: 'view', view_id: 'V0TEST' },
    trigger_id: `trigger-${Math.random().toString(36).slice(2)}`,
    team: { id: TEAM_ID, domain: 'test' },
    view: { ...f.view, id: 'V0TEST', hash: 'h1', state: { values: {} } },
    actions: [
      {
        type: 'radio_buttons',
        action_id: 'faq_modal_pick',
        block_id: 'faq_pick',
        selected_option: { value: f.pickedEntryId, text: { type: 'plain_text', text: f.pickedEntryId } },
        action_ts: '1700000003.000001',
      },
    ],
  };
}

/** `v0=` HMAC-SHA256 of `v0:timestamp:body`, as Slack signs requests. */
export function sign(secret: string, timestamp: number, body: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

export function formBody(fields: Record<string, string>): string {
  return new URLSearchParams(fields).toString();
}
