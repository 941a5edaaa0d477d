// Sightings reported by terminals (claims 9–11, 16).
import { z } from 'zod';

/** What a terminal's radio saw: a presence id (rotating token or bound tag id), RSSI, and when. */
export const Sighting = z.object({
  presenceId: z.string().min(1).max(80),
  rssi: z.number().int().min(-127).max(20),
  /** Epoch milliseconds at the terminal. */
  at: z.number().int().min(0),
});
export const SightingBatch = z.object({
  sightings: z.array(Sighting).max(5_000).default([]),
  /** Presence ids the entrance terminal saw walk out. */
  departures: z.array(z.string().min(1).max(80)).max(1_000).default([]),
});
export const SightingAck = z.object({ accepted: z.number().int(), unknown: z.number().int() });
export type Sighting = z.infer<typeof Sighting>;
export type SightingBatch = z.infer<typeof SightingBatch>;
