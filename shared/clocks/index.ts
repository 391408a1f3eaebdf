/**
 * Clocks, the pure part: the state rule, board order and countdowns (renderer and core alike), and
 * the words for clocks, stop reasons and reminders.
 */
export {
  timeLeft,
  evaluateClock,
  clockState,
  isOpenState,
  isDueSoon,
  DUE_SOON_HOURS,
  compareClocks,
  thresholdMoment,
  countdown,
  formatCountdown,
  type ClockFacts,
  type ClockEvaluation,
  type Countdown,
} from './state';
export { NON_RULE_KINDS, STOP_REASON_TEXT, EXTENDED_NOTE, alertMessage } from './wording';
