import * as migration_20261201_194808_initial from './20261201_194808_initial';

export const migrations = [
  {
    up: migration_20261201_194808_initial.up,
    down: migration_20261201_194808_initial.down,
    name: '20261201_194808_initial'
  },
];
