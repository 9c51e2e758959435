// Where Discord posts interactions in HTTP mode: a light module, so the composition root can
// plan the HTTP server without loading discord.js.
export const INTERACTIONS_PATH = '/discord/interactions';
