// Which request may write an upload's bytes, across every portal process that shares
// DATA_DIR/uploads (the WEB_CONCURRENCY processes of one `npm start`, or instances on one
// shared file system). tus allows one writer per upload; a newer request asks the older
// one to stop (a dropped connection must not block the resume). MemoryLocker does that
// within one process only; this does it with files next to the staged bytes:
// `<id>.lock` is created exclusively by the holder (it names its host and process), and a
// waiter writes `<id>.release`, which the holder watches for and answers by ending its
// request. A lock left by a process that died on this host is taken over.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { ERRORS, type Lock, type Locker, type RequestRelease } from "@tus/server";

const POLL_MS = 50;
const ACQUIRE_TIMEOUT_MS = 30_000;
const HOLDER = `${os.hostname()} ${process.pid}`;

export class FileLocker implements Locker {
  constructor(private readonly directory: string) {}

  newLock(id: string): Lock {
    return new FileLock(path.join(this.directory, `${path.basename(id)}.lock`));
  }
}

class FileLock implements Lock {
  private watch: NodeJS.Timeout | undefined;

  constructor(private readonly file: string) {}

  private get releaseFile(): string {
    return this.file.replace(/\.lock$/, ".release");
  }

  async lock(stopSignal: AbortSignal, requestRelease: RequestRelease): Promise<void> {
    const deadline = Date.now() + ACQUIRE_TIMEOUT_MS;
    let asked = false;
    while (!this.tryCreate()) {
      if (stopSignal.aborted || Date.now() > deadline) throw ERRORS.ERR_LOCK_TIMEOUT;
      if (this.holderIsGone()) {
        fs.rmSync(this.file, { force: true });
        continue;
      }
      if (!asked) {
        fs.writeFileSync(this.releaseFile, HOLDER);
        asked = true;
      }
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
    // Ours now: an old request to release was meant for the previous holder.
    fs.rmSync(this.releaseFile, { force: true });
    let released = false;
    this.watch = setInterval(() => {
      if (!released && fs.existsSync(this.releaseFile)) {
        released = true;
        void requestRelease();
      }
    }, POLL_MS);
    this.watch.unref();
  }

  async unlock(): Promise<void> {
    clearInterval(this.watch);
    if (this.readHolder() === HOLDER) fs.rmSync(this.file, { force: true });
  }

  private tryCreate(): boolean {
    try {
      fs.writeFileSync(this.file, HOLDER, { flag: "wx" });
      return true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
      if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
      // The staging directory was removed (a cleanup) since the store made it.
      fs.mkdirSync(path.dirname(this.file), { recursive: true });
      return this.tryCreate();
    }
  }

  private readHolder(): string | null {
    try {
      return fs.readFileSync(this.file, "utf8");
    } catch {
      return null;
    }
  }

  /** A holder on this host whose process no longer exists (it crashed mid-upload). */
  private holderIsGone(): boolean {
    const [host, pid] = (this.readHolder() ?? "").split(" ");
    if (host !== os.hostname() || !pid) return false;
    try {
      process.kill(Number(pid), 0);
      return false;
    } catch (error) {
      return (error as NodeJS.ErrnoException).code === "ESRCH";
    }
  }
}
