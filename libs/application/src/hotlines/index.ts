export * from './hotline-input';
export * from './hotline.service';
