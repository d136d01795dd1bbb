export { ConfigError, type ConfigProblem } from './config-error';
export { EnvReader, type Environment } from './env-reader';
