export { discordAdapter, createClient, INTENTS } from './adapter.js';
export { registerCommands, type RegisterOptions } from './register.js';
export { commandData } from './command-data.js';
export { renderReply, type DiscordMessage, type RenderContext } from './render.js';
export { markdownToDiscord } from './markdown.js';
