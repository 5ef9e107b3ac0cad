export * from './auth';
export * from './limits';
export * from './municipalities';
export * from './network';
