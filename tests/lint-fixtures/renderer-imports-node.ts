import { readFileSync } from 'node:fs';
export const secrets = readFileSync('/etc/passwd', 'utf8');
