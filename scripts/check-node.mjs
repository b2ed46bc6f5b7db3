// Enclave needs node:sqlite without a flag (Node 22.13 or newer) and current Electron tooling.
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 13)) {
  console.error(
    `Enclave needs Node.js 22.13 or newer; this is ${process.versions.node}.\n` +
      'Run bash scripts/setup.sh (it installs Node 24 into .tools/ when the system Node is older) and try again.',
  );
  process.exit(1);
}
