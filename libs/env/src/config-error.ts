/** One environment variable that cannot be used as given. */
export interface ConfigProblem {
  readonly variable: string;
  readonly message: string;
}

/** The environment cannot start the process; every faulty variable is named. */
export class ConfigError extends Error {
  override name = 'ConfigError';
  constructor(readonly problems: readonly ConfigProblem[]) {
    super(problems.map((p) => `${p.variable}: ${p.message}`).join('\n'));
  }
}
