import * as migration_20261201_194808_initial from './20261201_194808_initial';
import * as migration_20261201_210119_complaint_urgency from './20261201_210119_complaint_urgency';
import * as migration_20261201_210524_security_settings from './20261201_210524_security_settings';
import * as migration_20261201_214803_merge_round2b from './20261201_214803_merge_round2b';
import * as migration_20261202_000400_site_furniture_interpretations from './20261202_000400_site_furniture_interpretations';

export const migrations = [
  {
    up: migration_20261201_194808_initial.up,
    down: migration_20261201_194808_initial.down,
    name: '20261201_194808_initial',
  },
  {
    up: migration_20261201_210119_complaint_urgency.up,
    down: migration_20261201_210119_complaint_urgency.down,
    name: '20261201_210119_complaint_urgency',
  },
  {
    up: migration_20261201_210524_security_settings.up,
    down: migration_20261201_210524_security_settings.down,
    name: '20261201_210524_security_settings',
  },
  {
    up: migration_20261201_214803_merge_round2b.up,
    down: migration_20261201_214803_merge_round2b.down,
    name: '20261201_214803_merge_round2b',
  },
  {
    up: migration_20261202_000400_site_furniture_interpretations.up,
    down: migration_20261202_000400_site_furniture_interpretations.down,
    name: '20261202_000400_site_furniture_interpretations'
  },
];
