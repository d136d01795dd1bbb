import type { VonageSdkModule } from '../vonage-voice.client';

/**
 * The official SDK loaded by Node itself rather than through Jest's module registry. The SDK requires the
 * ESM-only `node-fetch`; Node 20.19+ loads it natively, Jest (with the workspace's transform list) cannot.
 * Pass it as `createVonageVoiceClient(settings, { sdk: nativeVonageSdk() })` in Jest tests.
 */
export function nativeVonageSdk(): VonageSdkModule {
  const nodeModule = process.getBuiltinModule('node:module');
  return nodeModule.createRequire(__filename)('@vonage/server-sdk') as VonageSdkModule;
}
