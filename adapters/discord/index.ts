export { discordAdapter, createClient, INTENTS } from './adapter.js';
export { discordCommand } from './register.js';
export { commandData } from './command-data.js';
export { renderReply, type DiscordMessage, type RenderContext } from './render.js';
export { markdownToDiscord } from './markdown.js';
