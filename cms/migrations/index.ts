import * as migration_20261124_014122_initial from './20261124_014122_initial';
import * as migration_20261124_015950_content_model from './20261124_015950_content_model';

export const migrations = [
  {
    up: migration_20261124_014122_initial.up,
    down: migration_20261124_014122_initial.down,
    name: '20261124_014122_initial',
  },
  {
    up: migration_20261124_015950_content_model.up,
    down: migration_20261124_015950_content_model.down,
    name: '20261124_015950_content_model'
  },
];
