import { runE2eGroup } from './e2e-groups';

runE2eGroup('platform');
