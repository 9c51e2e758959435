// Bolt's InstallationStore on the core's installation records: one record per workspace, or
// per Enterprise Grid organisation for an org-wide install, holding what Bolt's installer
// produced (the bot token among it). Bolt asks for an installation on every request; a
// workspace with none (never installed, or uninstalled) is said once in the log, not once per
// event. Tokens never reach the log: lines name workspaces by id and name only.
import type { Installation, InstallationQuery, InstallationStore } from '@slack/bolt';
import { describeError, type InstallationRecords, type Logger } from '../../src/index.js';
import { INSTALL_PATH } from './names.js';

const PLATFORM = 'slack';

/** The record key: the organisation for an org-wide install, else the workspace. */
export function installationKey(installation: Pick<Installation, 'isEnterpriseInstall' | 'enterprise' | 'team'>): string {
  const enterprise = installation.enterprise?.id;
  if (installation.isEnterpriseInstall && enterprise) return `enterprise:${enterprise}`;
  const team = installation.team?.id;
  if (!team) throw new Error('the installation names neither a workspace nor an org-wide install');
  return `team:${team}`;
}

/**
 * The keys that may hold the installation answering a request, nearest first: an org-wide
 * install's organisation, or the workspace and then its organisation (a workspace of an
 * organisation the app was installed to as a whole).
 */
export function keysFor(query: Pick<InstallationQuery<boolean>, 'teamId' | 'enterpriseId' | 'isEnterpriseInstall'>): string[] {
  if (query.isEnterpriseInstall && query.enterpriseId) return [`enterprise:${query.enterpriseId}`];
  return [...(query.teamId ? [`team:${query.teamId}`] : []), ...(query.enterpriseId ? [`enterprise:${query.enterpriseId}`] : [])];
}

function describeKey(key: string): string {
  const [kind, id] = key.split(':');
  return kind === 'enterprise' ? `organisation ${id}` : `workspace ${id}`;
}

export class SlackInstallations implements InstallationStore {
  /** Keys already said to have no installation; said again after a new install and uninstall. */
  private readonly missing = new Set<string>();
  private readFailing = false;

  constructor(
    private readonly records: InstallationRecords,
    private readonly log: Logger,
  ) {}

  async storeInstallation(installation: Installation): Promise<void> {
    const key = installationKey(installation);
    await this.records.put(PLATFORM, key, JSON.stringify(installation));
    this.missing.delete(key);
    const name = installation.isEnterpriseInstall ? installation.enterprise?.name : installation.team?.name;
    this.log.info(`slack: installed to ${describeKey(key)}${name ? ` (${name})` : ''}; its requests are answered with its own token`, {
      installation: key,
      scopes: installation.bot?.scopes ?? [],
    });
  }

  async fetchInstallation(query: InstallationQuery<boolean>): Promise<Installation> {
    const keys = keysFor(query);
    for (const key of keys) {
      const data = await this.read(key);
      if (data !== undefined) return this.parse(key, data);
    }
    const key = keys[0] ?? 'team:(none)';
    if (!this.missing.has(key)) {
      this.missing.add(key);
      this.log.warn(
        `slack: ${describeKey(key)} has no installation (never installed, or uninstalled); its requests are not answered. To answer it, install the app there from ${INSTALL_PATH}`,
        { installation: key },
      );
    }
    throw new Error(`no installation for ${describeKey(key)}`);
  }

  async deleteInstallation(query: InstallationQuery<boolean>): Promise<void> {
    await this.remove(keysFor(query)[0]);
  }

  /**
   * Deletes the installation behind a request's ids (an uninstall, a revoked token); true when
   * there was one. Its next request is then answered by no one, and said so once.
   */
  async remove(key: string | undefined): Promise<boolean> {
    if (key === undefined) return false;
    const deleted = await this.records.delete(PLATFORM, key);
    this.missing.delete(key);
    return deleted;
  }

  /** A record that is not an installation any more (edited by hand?) is said once, like a missing one. */
  private parse(key: string, data: string): Installation {
    try {
      const installation = JSON.parse(data) as Installation;
      if (typeof installation?.bot?.token === 'string') return installation;
    } catch {
      /* said below */
    }
    if (!this.missing.has(key)) {
      this.missing.add(key);
      this.log.error(
        `slack: the installation of ${describeKey(key)} in ${this.records.where} is damaged (it holds no bot token); its requests are not answered until the app is installed there again from ${INSTALL_PATH}`,
        { installation: key },
      );
    }
    throw new Error(`the installation of ${describeKey(key)} is damaged`);
  }

  private async read(key: string): Promise<string | undefined> {
    try {
      const data = await this.records.get(PLATFORM, key);
      if (this.readFailing) {
        this.readFailing = false;
        this.log.info(`slack: installations can be read from ${this.records.where} again`);
      }
      return data;
    } catch (error) {
      if (!this.readFailing) {
        this.readFailing = true;
        this.log.error(
          `slack: could not read installations from ${this.records.where} (${describeError(error)}); requests are not answered until it answers again (said once)`,
        );
      }
      throw error;
    }
  }
}
