// The environment that keeps the real client (2.1.329) off the network, except for the API,
// which is our mock on loopback. Nothing of the developer's environment gets in: no real
// credentials, config, proxies or telemetry settings.

/** Switches the client reads. One umbrella switch plus the specific ones it implies, so that a
 * client version that drops the umbrella still stays quiet. */
export const OFFLINE_SWITCHES: Readonly<Record<string, string>> = {
  // A key is required for `-p`; the mock never checks it and the log redacts it.
  ANTHROPIC_API_KEY: 'e2e-dummy-key',
  // Telemetry, error reports, auto-updates and feature-flag fetches, all off at once.
  CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: '1',
  DISABLE_TELEMETRY: '1',
  DISABLE_ERROR_REPORTING: '1',
  DISABLE_AUTOUPDATER: '1',
  DISABLE_UPDATES: '1',
  CLAUDE_CODE_DISABLE_FEATURE_FLAGS: '1',
  DISABLE_GROWTHBOOK: '1',
  DO_NOT_TRACK: '1',
  // Start-up checks of the installation and the official plugin marketplace would go online.
  DISABLE_INSTALLATION_CHECKS: '1',
  CLAUDE_CODE_DISABLE_OFFICIAL_MARKETPLACE_AUTOINSTALL: '1',
  // Interactive niceties that make no sense under -p.
  CLAUDE_CODE_DISABLE_FEEDBACK_SURVEY: '1',
  CLAUDE_CODE_DISABLE_TERMINAL_TITLE: '1',
  DISABLE_COST_WARNINGS: '1',
};

export interface RunPaths {
  dir: string;
  home: string;
  project: string;
  out: string;
  tmp: string;
}

/** The client's whole environment: a fresh HOME and TMPDIR, the switches, the mock as API and as
 * proxy (anything that bypasses ANTHROPIC_BASE_URL reaches the mock, which logs and refuses it). */
export function clientEnv(paths: RunPaths, apiUrl: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    PATH: process.env.PATH ?? '/usr/local/bin:/usr/bin:/bin',
    HOME: paths.home,
    TMPDIR: paths.tmp,
    CLAUDE_CODE_TMPDIR: paths.tmp,
    LANG: 'C.UTF-8',
    TERM: 'dumb',
    ...OFFLINE_SWITCHES,
    ANTHROPIC_BASE_URL: apiUrl,
    HTTPS_PROXY: apiUrl,
    HTTP_PROXY: apiUrl,
    NO_PROXY: '127.0.0.1,localhost',
    // Where test hooks may write what they received.
    E2E_OUT: paths.out,
    ...extra,
  };
}
