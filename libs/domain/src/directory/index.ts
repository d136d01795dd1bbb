export * from './assignee';
export * from './person';
export * from './team';
export * from './prompt';
export * from './service-hours';
export * from './no-answer-scenario';
export * from './hotline';
export * from './callback-offer';
