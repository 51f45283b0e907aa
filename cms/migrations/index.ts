import * as migration_20261124_013937_initial from './20261124_013937_initial';

export const migrations = [
  {
    up: migration_20261124_013937_initial.up,
    down: migration_20261124_013937_initial.down,
    name: '20261124_013937_initial'
  },
];
