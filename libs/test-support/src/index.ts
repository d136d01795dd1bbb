export {
  describeWithMariaDb,
  describeWithRedis,
  describeWithSipp,
  mariadbOptions,
  mariadbUrl,
  redisUrl,
  sippInstalled,
  uniqueName,
} from './test-services';
export { startFaultProxy, type FaultMode, type FaultProxy } from './fault-proxy';
export { redisKeyPrefixes, type RedisKeyPrefixes } from './redis-key-prefixes';
