// Enclave needs node:sqlite and current Electron tooling: Node 22.12 or newer.
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 12)) {
  console.error(
    `Enclave needs Node.js 22.12 or newer; this is ${process.versions.node}.\n` +
      'Install a current Node (for example: npm install --prefix ~/.node24 node@24 && export PATH=~/.node24/node_modules/node/bin:$PATH) and try again.',
  );
  process.exit(1);
}
