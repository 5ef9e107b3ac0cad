/*
 * The initiatives module's public face: network initiatives from the proposal through the
 * prioritisation round and the steering decision to pilot cities and the network project.
 */

export type { InitiativeAudience } from './initiative.audience';
export { initiativeAudience } from './initiative.audience';
export { Initiative, PrioritisationRound } from './initiative.entity';
export { initiativeById, prioritisationRoundById } from './initiative.loaders';
export { initiativePolicy, initiativeReadableSql, initiativeReadFilter } from './initiative.policy';
export { closeDueRounds, openRoundsWithDeadlineBetween } from './round.service';
