// Behaviour presets for short runs: the demo's customers at the default pace take minutes to register
// and to browse a shop; a test of a few simulated minutes compresses their day.
import type { Behaviour } from '../customer-types.ts';

export const FAST_BEHAVIOUR: Partial<Behaviour> = {
  registrationMs: [3_000, 10_000],
  afterRegistrationMs: [2_000, 5_000],
  shopDwellMs: [5_000, 20_000],
  browsePauseMs: [5_000, 15_000],
  patienceMs: 45_000,
  maxStayMs: 150_000,
  cancelChance: 0.1,
  addChance: 0.15,
};
