import * as migration_20261124_014122_initial from './20261124_014122_initial';
import * as migration_20261124_015950_content_model from './20261124_015950_content_model';
import * as migration_20261124_021849_complaints from './20261124_021849_complaints';
import * as migration_20261124_022432_import from './20261124_022432_import';
import * as migration_20261201_172825_import_lease from './20261201_172825_import_lease';
import * as migration_20261201_173030_access_and_accounts from './20261201_173030_access_and_accounts';
import * as migration_20261201_173245_provisional_deadlines from './20261201_173245_provisional_deadlines';
import * as migration_20261201_173605_daily_jobs from './20261201_173605_daily_jobs';
import * as migration_20261201_194711_merge_round2 from './20261201_194711_merge_round2';
import * as migration_20261201_205732_complaint_urgency from './20261201_205732_complaint_urgency';
import * as migration_20261201_210417_security_settings from './20261201_210417_security_settings';
import * as migration_20261201_214721_merge_round2b from './20261201_214721_merge_round2b';
import * as migration_20261202_000044_site_furniture_interpretations from './20261202_000044_site_furniture_interpretations';

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
    up: migration_20261201_172825_import_lease.up,
    down: migration_20261201_172825_import_lease.down,
    name: '20261201_172825_import_lease',
  },
  {
    up: migration_20261201_173030_access_and_accounts.up,
    down: migration_20261201_173030_access_and_accounts.down,
    name: '20261201_173030_access_and_accounts',
  },
  {
    up: migration_20261201_173245_provisional_deadlines.up,
    down: migration_20261201_173245_provisional_deadlines.down,
    name: '20261201_173245_provisional_deadlines',
  },
  {
    up: migration_20261201_173605_daily_jobs.up,
    down: migration_20261201_173605_daily_jobs.down,
    name: '20261201_173605_daily_jobs',
  },
  {
    up: migration_20261201_194711_merge_round2.up,
    down: migration_20261201_194711_merge_round2.down,
    name: '20261201_194711_merge_round2',
  },
  {
    up: migration_20261201_205732_complaint_urgency.up,
    down: migration_20261201_205732_complaint_urgency.down,
    name: '20261201_205732_complaint_urgency',
  },
  {
    up: migration_20261201_210417_security_settings.up,
    down: migration_20261201_210417_security_settings.down,
    name: '20261201_210417_security_settings',
  },
  {
    up: migration_20261201_214721_merge_round2b.up,
    down: migration_20261201_214721_merge_round2b.down,
    name: '20261201_214721_merge_round2b',
  },
  {
    up: migration_20261202_000044_site_furniture_interpretations.up,
    down: migration_20261202_000044_site_furniture_interpretations.down,
    name: '20261202_000044_site_furniture_interpretations'
  },
];
