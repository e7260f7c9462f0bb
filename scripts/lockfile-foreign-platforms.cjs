// The registry mirror here serves only linux-x64 builds of packages with per-platform
// binaries (@next/swc-*, @tailwindcss/oxide-*), so `npm install` leaves the other
// platforms out of package-lock.json and `npm ci` then refuses the lock as out of sync.
// This adds those optional entries back, marked with their os/cpu so npm skips them.
// Run after every `npm install` that changes the lock: node scripts/lockfile-foreign-platforms.cjs
const fs = require("node:fs");

const lock = JSON.parse(fs.readFileSync("package-lock.json", "utf8"));
const packages = lock.packages;
const added = [];

const osOf = (name) => ["darwin", "win32", "freebsd", "android", "linux"].filter((os) => name.includes(os));
const cpuOf = (name) => (/arm64/.test(name) ? ["arm64"] : /x64/.test(name) ? ["x64"] : /gnueabihf|-arm-/.test(name) ? ["arm"] : /wasm32/.test(name) ? ["wasm32"] : []);

for (const [key, meta] of Object.entries(packages)) {
  for (const [name, range] of Object.entries(meta.optionalDependencies ?? {})) {
    if (packages[`${key ? `${key}/` : ""}node_modules/${name}`] || packages[`node_modules/${name}`]) continue;
    const os = osOf(name);
    const cpu = cpuOf(name);
    packages[`node_modules/${name}`] = {
      version: range.replace(/^[\^~]/, ""),
      optional: true,
      ...(os.length ? { os } : {}),
      ...(cpu.length ? { cpu } : {}),
    };
    added.push(name);
  }
}

fs.writeFileSync("package-lock.json", `${JSON.stringify(lock, null, 2)}\n`);
console.log(added.length ? `Added ${added.length} foreign-platform entries: ${added.join(", ")}` : "package-lock.json already complete.");
