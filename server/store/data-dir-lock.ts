// One process per PGlite data folder. PGlite itself does not stop a second process (or a second
// PGlite in the same process) from opening a folder that is in use, which would corrupt it.
// The lock is a file `beckon.lock` holding the owner's pid, created with O_EXCL; a lock whose
// pid is no longer alive (the owner was killed) is taken over.

import { mkdir, open, readFile, unlink } from 'node:fs/promises';
import path from 'node:path';

export class DataDirLockedError extends Error {
  constructor(readonly dataDir: string, readonly ownerPid: number) {
    super(`The data folder ${dataDir} is in use by process ${ownerPid}; stop it first (one process per data folder).`);
    this.name = 'DataDirLockedError';
  }
}

export interface DataDirLock {
  release(): Promise<void>;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function tryCreate(lockPath: string): Promise<boolean> {
  try {
    const file = await open(lockPath, 'wx');
    await file.writeFile(`${process.pid}\n`);
    await file.close();
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw err;
  }
}

export async function lockDataDir(dataDir: string): Promise<DataDirLock> {
  await mkdir(dataDir, { recursive: true });
  const lockPath = path.join(dataDir, 'beckon.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    if (await tryCreate(lockPath)) {
      return { release: () => unlink(lockPath).catch(() => undefined) };
    }
    const ownerPid = Number((await readFile(lockPath, 'utf8').catch(() => '')).trim());
    if (Number.isInteger(ownerPid) && ownerPid > 0 && (ownerPid === process.pid || isAlive(ownerPid))) {
      throw new DataDirLockedError(dataDir, ownerPid);
    }
    await unlink(lockPath).catch(() => undefined); // stale: its owner died
  }
  throw new Error(`Could not lock the data folder ${dataDir} (another process raced for it)`);
}
