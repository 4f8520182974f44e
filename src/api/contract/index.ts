/**
 * The tab's HTTP contract: every request and response shape, shared by the server (which validates
 * with these schemas) and the tab (which imports only this index from the server side). One file
 * per feature, named as the feature is in every layer.
 */
export * from './common';
export * from './team';
export * from './local-mode';
export * from './notify';
export * from './rotations';
export * from './guardian';
export * from './help';
export * from './compact';
export * from './privacy';
export * from './insights';
export * from './kudos';
export * from './pulse';
