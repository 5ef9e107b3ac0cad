export * from './auth';
export * from './limits';
export * from './meetings';
export * from './municipalities';
export * from './network';
export * from './people';
export * from './projects';
export * from './working-groups';
