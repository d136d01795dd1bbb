/* The notification services and their ports, as the worker uses them. */
export * from '@dutyline/application';
