import * as migration_20261124_014122_initial from './20261124_014122_initial';
import * as migration_20261124_015950_content_model from './20261124_015950_content_model';
import * as migration_20261124_021849_complaints from './20261124_021849_complaints';
import * as migration_20261124_022432_import from './20261124_022432_import';
import * as migration_20261201_173605_daily_jobs from './20261201_173605_daily_jobs';

export const migrations = [
  {
    up: migration_20261124_014122_initial.up,
    down: migration_20261124_014122_initial.down,
    name: '20261124_014122_initial',
  },
  {
    up: migration_20261124_015950_content_model.up,
    down: migration_20261124_015950_content_model.down,
    name: '20261124_015950_content_model',
  },
  {
    up: migration_20261124_021849_complaints.up,
    down: migration_20261124_021849_complaints.down,
    name: '20261124_021849_complaints',
  },
  {
    up: migration_20261124_022432_import.up,
    down: migration_20261124_022432_import.down,
    name: '20261124_022432_import',
  },
  {
    up: migration_20261201_173605_daily_jobs.up,
    down: migration_20261201_173605_daily_jobs.down,
    name: '20261201_173605_daily_jobs'
  },
];
