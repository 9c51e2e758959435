// What the bot counts for Prometheus. One registry per running bot (tests start several in one
// process), with prom-client: its text format, histograms and process metrics are what
// Prometheus expects, and writing them by hand would repeat a well-tested library.
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** Seconds; from a cached answer (milliseconds) to a slow platform API (seconds). */
const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export class Metrics {
  readonly registry = new Registry();
  readonly asks = new Counter({
    name: 'faqbot_asks_total',
    help: 'Questions asked, by platform and decision (answer, suggest, none, help, held).',
    labelNames: ['platform', 'decision'] as const,
    registers: [this.registry],
  });
  readonly latency = new Histogram({
    name: 'faqbot_answer_latency_seconds',
    help: 'From a platform event arriving to its reply sent (match and post).',
    labelNames: ['platform'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });
  readonly reloads = new Counter({
    name: 'faqbot_knowledge_reloads_total',
    help: 'Knowledge changes loaded while running.',
    registers: [this.registry],
  });
  readonly reloadFailures = new Counter({
    name: 'faqbot_knowledge_reload_failures_total',
    help: 'Knowledge changes refused (the last good base kept answering).',
    registers: [this.registry],
  });
  readonly entries = new Gauge({
    name: 'faqbot_knowledge_entries',
    help: 'Entries in the knowledge base being answered from.',
    registers: [this.registry],
  });
  readonly reconnects = new Counter({
    name: 'faqbot_platform_reconnects_total',
    help: 'Times a platform connection was lost and is being re-established.',
    labelNames: ['platform'] as const,
    registers: [this.registry],
  });
  readonly insightsWriteErrors = new Counter({
    name: 'faqbot_insights_write_errors_total',
    help: 'Insights records that could not be written (the bot kept answering).',
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry });
  }

  text(): Promise<string> {
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }
}
