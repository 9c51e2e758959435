// Acknowledging is a promise Slack holds us to within 3 s; answering is not. Letting the event
// loop send the acks of requests already waiting before matching and rendering keeps a burst
// of questions from queueing acks behind answers.
export function afterAcks(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
