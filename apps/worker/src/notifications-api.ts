/*
 * The notification services and their ports (libs/application/src/notifications). Until the
 * application's entry point exports them (`export * from './notifications'` in
 * libs/application/src/index.ts, which its owner adds), the worker reaches them through this one
 * file; then its body becomes `export * from '@dutyline/application';`.
 */
// eslint-disable-next-line @nx/enforce-module-boundaries
export * from '../../../libs/application/src/notifications';
