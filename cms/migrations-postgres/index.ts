import * as migration_20261201_171439_initial from './20261201_171439_initial';

export const migrations = [
  {
    up: migration_20261201_171439_initial.up,
    down: migration_20261201_171439_initial.down,
    name: '20261201_171439_initial'
  },
];
