import * as migration_20261124_014122_initial from './20261124_014122_initial';

export const migrations = [
  {
    up: migration_20261124_014122_initial.up,
    down: migration_20261124_014122_initial.down,
    name: '20261124_014122_initial'
  },
];
