import * as migration_20261201_173700_initial from './20261201_173700_initial';

export const migrations = [
  {
    up: migration_20261201_173700_initial.up,
    down: migration_20261201_173700_initial.down,
    name: '20261201_173700_initial'
  },
];
