// The BLE presence advertisement: a Beckon service UUID plus a rotating token derived from the
// customer's presence secret and the time slot. A passer-by cannot link tokens of different slots;
// the server, which knows every secret, resolves a token to its customer.
import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, hexToBytes, utf8ToBytes } from '@noble/hashes/utils.js';

/** 128-bit service UUID carried in every Beckon presence advertisement. */
export const BECKON_SERVICE_UUID = 'b3c0e0a1-5b1e-4c6e-9a4d-42ec0c0a11ed';
/** Length of one token slot. Tokens rotate at every slot boundary. */
export const PRESENCE_SLOT_MS = 5 * 60_000;
/** Bytes of the rotating token in the advertisement's service data. */
export const PRESENCE_TOKEN_BYTES = 8;
/** Prefix that tells a rotating token from a bound tag id in a sighting's presenceId. */
export const ROTATING_TOKEN_PREFIX = 'bk:';

export function presenceSlot(atMs: number): number {
  return Math.floor(atMs / PRESENCE_SLOT_MS);
}

/** The token a device with this secret advertises during the given slot, as 16 lowercase hex digits. */
export function rotatingToken(secretHex: string, slot: number): string {
  const mac = hmac(sha256, hexToBytes(secretHex), utf8ToBytes(`beckon-presence:${slot}`));
  return bytesToHex(mac.subarray(0, PRESENCE_TOKEN_BYTES));
}

/** presenceId for a sighting of a rotating token. */
export function rotatingPresenceId(secretHex: string, atMs: number): string {
  return ROTATING_TOKEN_PREFIX + rotatingToken(secretHex, presenceSlot(atMs));
}

/** presenceId of a bound iBeacon tag. */
export function ibeaconPresenceId(uuid: string, major: number, minor: number): string {
  return `ib:${uuid.replace(/-/g, '').toLowerCase()}:${major}:${minor}`;
}

/** presenceId of a bound Eddystone-UID tag. */
export function eddystonePresenceId(namespace: string, instance: string): string {
  return `ed:${namespace.toLowerCase()}:${instance.toLowerCase()}`;
}

/**
 * 16-bit alias of the Beckon service, for phones whose advertising payload has no room for the
 * 128-bit form (service data AD type 0x16 instead of 0x21). Member-only range: register it with the
 * Bluetooth SIG before shipping to real phones.
 */
export const BECKON_SERVICE_UUID16 = 0xfcb3;
/**
 * GATT characteristic, inside the Beckon service, that a customer's phone app exposes to receive
 * the shop list relayed by the nearest terminal (claim 1). Writes carry a framed payload:
 * 2 bytes big-endian total length, then the bytes, split into MTU-sized writes.
 */
export const RELAY_CHARACTERISTIC_UUID = 'b3c0e0a2-5b1e-4c6e-9a4d-42ec0c0a11ed';
